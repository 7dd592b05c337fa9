/// Finds the spans that UAX #29 word breaking would cut into pieces but a reader sees as one
/// token: URLs, bare domains, e-mail addresses and emoticons (":-)", "<3", ";D", "XD").
/// Works on UTF-16 offsets; the spans it returns are sorted and do not overlap.
struct SpecialSpanScanner {
    struct Span: Equatable {
        var range: Range<Int>
        var kind: TokenKind
    }

    /// Emoticons, longest first where one is a prefix of another. `strictBefore` marks those
    /// that need a non-alphanumeric character before them ("C:/", "time:P" are not faces).
    private static let emoticons: [(text: [UInt16], strictBefore: Bool)] = [
        (">:-(", false), (">:(", false), (":'-(", false), (":'-)", false), (":'(", false), (":')", false),
        (":-)", false), (":-(", false), (":-D", true), (":-P", true), (":-p", true), (":-O", true),
        (":-o", true), (":-/", true), (":-|", true), (":-*", false), (":-]", false), (":-[", false),
        (";-)", false), (";-D", true), (";-P", true), (":)", false), (":(", false), (":D", true),
        (":P", true), (":p", true), (":O", true), (":o", true), (":/", true), (":|", true),
        (":*", true), (":]", false), (":[", false), (":S", true), (":s", true), (":@", true),
        (";)", false), (";D", true), (";P", true), (";p", true), (";(", false), (";_;", true),
        ("=)", false), ("=(", false), ("=D", true), ("=]", false), ("=/", true),
        ("</3", false), ("<3", false), ("^_^", true), ("^.^", true), ("^^", true),
        ("-_-", true), ("-.-", true), ("T_T", true), ("X-D", true), ("XD", true), ("xD", true),
        ("8-)", true), ("B-)", true), (":-c", true), (":c", true), (":C", true), (":l", true), (":L", true),
        (":-3", true), (":3", true), ("D:", true),
    ].map { (Array($0.0.utf16), $0.1) }

    /// The positions in `emoticons` grouped by first character, each group in its order there;
    /// the group of ASCII character `c` is `emoticonsByFirstUnit[emoticonGroupStarts[c] ..< emoticonGroupStarts[c + 1]]`.
    /// A character starts at most a handful ("D" only "D:"), so most cost one comparison.
    private static let emoticonsByFirstUnit: [Int] = emoticons.indices.sorted { (emoticons[$0].text[0], $0) < (emoticons[$1].text[0], $1) }
    private static let emoticonGroupStarts: [Int] = (0...128).map { unit in emoticons.count { $0.text[0] < unit } }

    /// The first characters of the emoticons above (a switch: this runs for every character).
    @inline(__always)
    private static func isEmoticonStart(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x3A, 0x3B, 0x3D, 0x3C, 0x3E, 0x5E, 0x2D, 0x54, 0x58, 0x78, 0x38, 0x42, 0x44: true  // : ; = < > ^ - T X x 8 B D
        default: false
        }
    }

    /// Top-level domains accepted for bare domains ("elgiganten.dk") without a scheme.
    private static let bareDomainSuffixes: Set<String> = [
        "dk", "com", "net", "org", "se", "no", "de", "eu", "io", "co", "uk", "nu", "info", "biz", "app", "fi", "nl",
    ]

    func spans(in units: UnsafeBufferPointer<UInt16>) -> [Span] {
        var spans: [Span] = []
        let count = units.count
        // URLs, domains and addresses need a '.' or '@'; most comments have neither in a word.
        var hasAt = false
        var hasInnerDot = false
        for index in 0..<count {
            let unit = units[index]
            if unit == 0x40 { hasAt = true }
            if unit == 0x2E, index + 1 < count, isASCIIAlphanumeric(units[index + 1]) { hasInnerDot = true }
        }
        var index = 0
        while index < count {
            let unit = units[index]
            if unit >= 0x80 {
                index += 1
                continue
            }
            var found: Span?
            if Self.isEmoticonStart(unit) { found = emoticon(at: index, in: units) }
            if found == nil, hasInnerDot, unit | 0x20 == 0x68 || unit | 0x20 == 0x77 { found = url(at: index, in: units) }
            if found == nil, hasAt || hasInnerDot, isASCIIAlphanumeric(unit),
                index == 0 || !isLocalPartCharacter(units[index - 1])
            {
                found = hasAt ? email(at: index, in: units) : (isASCIILetter(unit) ? bareDomain(at: index, in: units) : nil)
            }
            if let span = found {
                if let last = spans.last, last.range.upperBound > span.range.lowerBound {
                    index += 1
                    continue
                }
                spans.append(span)
                index = span.range.upperBound
                continue
            }
            index += 1
        }
        return spans
    }

    // MARK: - URLs and domains

    private func url(at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Span? {
        let unit = units[start]
        guard unit == 0x68 || unit == 0x48 || unit == 0x77 || unit == 0x57 else { return nil }  // h H w W
        if start > 0, isASCIIAlphanumeric(units[start - 1]) || units[start - 1] == 0x2E { return nil }
        let prefixLength: Int
        if hasPrefix("https://", at: start, in: units) {
            prefixLength = 8
        } else if hasPrefix("http://", at: start, in: units) {
            prefixLength = 7
        } else if hasPrefix("www.", at: start, in: units) {
            prefixLength = 4
        } else {
            return nil
        }
        var end = start + prefixLength
        while end < units.count, isURLCharacter(units[end]) { end += 1 }
        end = trimmingTrailingPunctuation(start: start, end: end, in: units)
        guard end > start + prefixLength else { return nil }
        return Span(range: start..<end, kind: .url)
    }

    /// A bare domain such as "elgiganten.dk" or "shop.example.com/returns", starting at a letter.
    private func bareDomain(at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Span? {
        var end = start
        while end < units.count, isASCIIAlphanumeric(units[end]) || units[end] == 0x2E || units[end] == 0x2D {
            end += 1
        }
        while end > start, units[end - 1] == 0x2E || units[end - 1] == 0x2D { end -= 1 }
        // "shop.dk" but not "ok.no" or "fint.No": a label of three or more, a lower-case known suffix.
        guard let lastDot = (start..<end).last(where: { units[$0] == 0x2E }) else { return nil }
        let label = (start..<lastDot).reversed().prefix(while: { units[$0] != 0x2E }).count
        let suffix = String(decoding: UnsafeBufferPointer(rebasing: units[(lastDot + 1)..<end]), as: UTF16.self)
        guard label >= 3, Self.bareDomainSuffixes.contains(suffix) else { return nil }
        if end < units.count, units[end] == 0x2F {  // a path after the domain
            while end < units.count, isURLCharacter(units[end]) { end += 1 }
            end = trimmingTrailingPunctuation(start: start, end: end, in: units)
        }
        return Span(range: start..<end, kind: .url)
    }

    private func isURLCharacter(_ unit: UInt16) -> Bool {
        unit > 0x20 && unit < 0x7F && unit != 0x22 && unit != 0x3C && unit != 0x3E  // not space " < >
            || unit >= 0x80 && unit != 0x3000 && unit != 0x00A0 && unit != 0x2028 && unit != 0x2029
    }

    private func trimmingTrailingPunctuation(start: Int, end: Int, in units: UnsafeBufferPointer<UInt16>) -> Int {
        var end = end
        var openParentheses = 0
        for index in start..<end where units[index] == 0x28 { openParentheses += 1 }
        while end > start {
            let last = units[end - 1]
            if last == 0x29, openParentheses > 0 { break }  // keep a balanced ")" of the URL itself
            if ".,;:!?)]}'\"".utf16.contains(last) || last >= 0x80 && !isLetterOrDigit(last) {
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    // MARK: - E-mail

    private func email(at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Span? {
        guard isASCIIAlphanumeric(units[start]) else { return nil }
        if start > 0, isLocalPartCharacter(units[start - 1]) { return nil }
        var at = start
        while at < units.count, isLocalPartCharacter(units[at]) { at += 1 }
        guard at < units.count, units[at] == 0x40, at > start else {
            return isASCIILetter(units[start]) ? bareDomain(at: start, in: units) : nil
        }
        var end = at + 1
        var lastDot = -1
        while end < units.count, isASCIIAlphanumeric(units[end]) || units[end] == 0x2E || units[end] == 0x2D {
            if units[end] == 0x2E { lastDot = end }
            end += 1
        }
        while end > at + 1, units[end - 1] == 0x2E || units[end - 1] == 0x2D {
            end -= 1
            lastDot = -1
            for index in (at + 1)..<end where units[index] == 0x2E { lastDot = index }
        }
        guard lastDot > at + 1, end - lastDot > 2 else { return nil }
        for index in (lastDot + 1)..<end where !isASCIILetter(units[index]) { return nil }
        return Span(range: start..<end, kind: .email)
    }

    private func isLocalPartCharacter(_ unit: UInt16) -> Bool {
        isASCIIAlphanumeric(unit) || unit == 0x2E || unit == 0x5F || unit == 0x25 || unit == 0x2B || unit == 0x2D
    }

    // MARK: - Emoticons

    private func emoticon(at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Span? {
        let before: UInt16? = start > 0 ? units[start - 1] : nil
        let group = Self.emoticonGroupStarts[Int(units[start])]..<Self.emoticonGroupStarts[Int(units[start]) + 1]
        for number in Self.emoticonsByFirstUnit[group] where hasPrefix(Self.emoticons[number].text, at: start, in: units) {
            let candidate = Self.emoticons[number]
            if let before {
                if candidate.strictBefore, isLetterOrDigit(before) { continue }
                if isASCIIDigit(before), candidate.text[0] == 0x3A { continue }  // "10:30", "kl.10:("
                if isLetterOrDigit(before), isLetterOrDigit(candidate.text[0]) { continue }
                if before == 0x3A || before == 0x3B || before == 0x3C || before == 0x3D { continue }
            }
            var end = start + candidate.text.count
            let mouth = candidate.text[candidate.text.count - 1]
            if mouth == 0x29 || mouth == 0x28 || mouth == 0x33 || mouth == 0x44 {  // ) ( 3 D repeat: ":)))"
                while end < units.count, units[end] == mouth { end += 1 }
            }
            if end < units.count, isLetterOrDigit(units[end]), !"()[]".utf16.contains(mouth) { continue }
            return Span(range: start..<end, kind: .emoticon)
        }
        return nil
    }

    // MARK: - Helpers

    private func hasPrefix(_ prefix: String, at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        var index = start
        for expected in prefix.utf16 {
            guard index < units.count else { return false }
            var unit = units[index]
            if unit >= 0x41, unit <= 0x5A { unit += 0x20 }  // ASCII case-insensitive
            guard unit == expected else { return false }
            index += 1
        }
        return true
    }

    private func hasPrefix(_ prefix: [UInt16], at start: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard start + prefix.count <= units.count else { return false }
        for offset in 0..<prefix.count where units[start + offset] != prefix[offset] { return false }
        return true
    }

    private func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
    private func isASCIILetter(_ unit: UInt16) -> Bool { unit | 0x20 >= 0x61 && unit | 0x20 <= 0x7A }
    private func isASCIIAlphanumeric(_ unit: UInt16) -> Bool { isASCIIDigit(unit) || isASCIILetter(unit) }

    private func isLetterOrDigit(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return isASCIIAlphanumeric(unit) }
        if unit & 0xF800 == 0xD800 { return false }
        return !CharacterClass(UInt32(unit)).isDisjoint(with: [.letter, .digit])
    }
}
