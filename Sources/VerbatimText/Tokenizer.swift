import CICU

/// Splits a comment into tokens over UAX #29 word boundaries (ICU's iterator, or the identical
/// `LatinWordBreaker` when the text allows), then repairs what survey text needs: URLs, e-mail
/// addresses and emoticons kept whole, runs of `!`/`?`/`.` kept as one countable token, and a full
/// stop with the space missing ("fast.The driver") split off.
///
/// Owns an ICU handle and scratch buffers: one instance per thread.
public final class Tokenizer {
    private let wordBreaker: BreakIterator
    private var latinWordBreaker = LatinWordBreaker()
    private let caseFolder = CaseFolder()
    private let scanner = SpecialSpanScanner()

    public init() throws(TextError) {
        wordBreaker = try BreakIterator(.word, locale: "")
    }

    /// The tokens of `text`, in order, whitespace and control characters left out.
    /// - Complexity: O(n) in the length of `text`.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(UTF16Text(text))
    }

    func tokenize(_ text: UTF16Text) -> [Token] {
        text.units.withUnsafeBufferPointer { units in
            text.utf8.withUnsafeBufferPointer { utf8 in
                let spans = scanner.spans(in: units)
                let (boundaries, statuses) = latinWordBreaker.segments(of: units) ?? wordBreaker.segments(of: units)
                var builder = TokenBuilder(units: units, utf8: utf8, caseFolder: caseFolder)
                builder.tokens.reserveCapacity(units.count / 4 + 1)
                var position = 0
                var spanIndex = 0
                var segmentStart = 0
                for (boundary, status) in zip(boundaries, statuses) {
                    let segmentEnd = Int(boundary)
                    let wholeSegment = position == segmentStart
                    while position < segmentEnd {
                        if spanIndex < spans.count, spans[spanIndex].range.lowerBound < segmentEnd {
                            let span = spans[spanIndex]
                            if position < span.range.lowerBound {
                                builder.emit(position..<span.range.lowerBound, status: nil)
                            }
                            builder.emitSpecial(span.range, kind: span.kind)
                            position = span.range.upperBound
                            spanIndex += 1
                        } else {
                            let isWhole = wholeSegment && position == segmentStart
                            builder.emit(position..<segmentEnd, status: isWhole ? status : nil)
                            position = segmentEnd
                        }
                    }
                    segmentStart = segmentEnd
                }
                return builder.tokens
            }
        }
    }
}

/// Builds tokens from UTF-16 pieces, keeping the offset cursor in step.
private struct TokenBuilder {
    let units: UnsafeBufferPointer<UInt16>
    let utf8: UnsafeBufferPointer<UInt8>
    let caseFolder: CaseFolder
    var cursor = OffsetCursor()
    var tokens: [Token] = []

    /// Emits one segment. `status` is ICU's rule status when the piece is a whole ICU segment,
    /// nil for pieces cut by a special span (classified by content instead).
    mutating func emit(_ range: Range<Int>, status: Int32?) {
        // Invisible format characters (bidi marks, zero-width space, BOM) at either end are not text.
        var range = range
        while !range.isEmpty, Self.isInvisibleFormat(units[range.lowerBound]) { range = (range.lowerBound + 1)..<range.upperBound }
        while !range.isEmpty, Self.isInvisibleFormat(units[range.upperBound - 1]) { range = range.lowerBound..<(range.upperBound - 1) }
        guard !range.isEmpty else { return }
        let first = scalar(at: range.lowerBound)
        let firstClass = CharacterClass(first)
        let kind: TokenKind
        if let status, status >= VT_WORD_NONE_LIMIT {
            kind = status < VT_WORD_NUMBER_LIMIT ? .number : .word
        } else if firstClass.contains(.letter) {
            kind = .word
        } else if firstClass.contains(.digit) {
            kind = .number
        } else if firstClass.contains(.whitespace) || firstClass.isEmpty && first < 0x20 || first == 0x7F {
            cursor.advance(to: range.upperBound, in: units)  // whitespace and control characters
            return
        } else if isEmoji(range, first: first, firstClass: firstClass) {
            kind = .emoji
        } else if firstClass.contains(.punctuation) {
            kind = .punctuation
        } else {
            kind = .symbol
        }
        if kind == .word, let split = missingSpaceSplit(range) {
            emit(range.lowerBound..<split, status: nil)
            emit(split..<(split + 1), status: nil)
            emit((split + 1)..<range.upperBound, status: nil)
            return
        }
        append(range, kind: kind)
    }

    private static func isInvisibleFormat(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x200B, 0x200C, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }

    mutating func emitSpecial(_ range: Range<Int>, kind: TokenKind) {
        append(range, kind: kind)
    }

    private mutating func append(_ range: Range<Int>, kind: TokenKind) {
        cursor.advance(to: range.lowerBound, in: units)
        let scalarStart = cursor.scalar
        let utf8Start = cursor.utf8
        cursor.advance(to: range.upperBound, in: units)
        let utf8Range = utf8Start..<cursor.utf8
        let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[utf8Range]), as: UTF8.self)
        let slice = UnsafeBufferPointer(rebasing: units[range])
        var shape = WordShape()
        let normalized: String
        switch kind {
        case .word:
            shape = WordShape(slice)
            normalized = shape.isASCII ? CaseFolder.lowercasedASCII(slice, original: text, hasUpper: shape.upper > 0)
                : caseFolder.fold(slice, original: text)
        case .number, .punctuation, .symbol, .email:
            normalized = caseFolder.fold(slice, original: text)
        case .emoji:
            normalized = EmojiNormalizer.normalize(text)
        case .emoticon:
            normalized = EmojiNormalizer.normalize(emoticon: text)
        case .url:
            normalized = text
        }
        let token = Token(
            kind: kind, text: text, normalized: normalized, range: scalarStart..<cursor.scalar,
            utf16Range: range, utf8Range: utf8Range, caseShape: shape.caseShape, isElongated: shape.isElongated)
        // Only punctuation joins a run; look at the previous token without copying it.
        if kind == .punctuation, let last = tokens.indices.last, tokens[last].kind == .punctuation,
            let merged = PunctuationRun.merge(tokens[last], token)
        {
            tokens[last] = merged
        } else {
            tokens.append(token)
        }
    }

    private func scalar(at index: Int) -> UInt32 {
        let unit = units[index]
        if unit & 0xFC00 == 0xD800, index + 1 < units.count, units[index + 1] & 0xFC00 == 0xDC00 {
            return 0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(units[index + 1] & 0x3FF))
        }
        return UInt32(unit)
    }

    /// Emoji: emoji-presentation characters, flags, skin tones, and pictographs that ask for
    /// emoji presentation (U+FE0F) or join a ZWJ sequence. "©" or "™" alone stay symbols.
    private func isEmoji(_ range: Range<Int>, first: UInt32, firstClass: CharacterClass) -> Bool {
        if firstClass.contains(.emojiPresentation) || firstClass.contains(.regionalIndicator)
            || firstClass.contains(.emojiModifier)
        {
            return true
        }
        guard firstClass.contains(.pictographic) else { return false }
        if first >= 0x1F000 { return true }
        return units[range].contains(0xFE0F) || units[range].contains(0x200D)
    }

    /// The UTF-16 offset of a full stop that ends one sentence and starts the next without a
    /// space ("fast.The", "hurtigt.Chaufføren"), which UAX #29 keeps inside one word.
    /// Abbreviations ("f.eks", "bl.a", "e.g", "U.S.A") have a side shorter than two letters
    /// or more than one stop, and stay whole.
    private func missingSpaceSplit(_ range: Range<Int>) -> Int? {
        guard let dot = units[range].firstIndex(of: 0x2E) else { return nil }
        guard !units[(dot + 1)..<range.upperBound].contains(0x2E) else { return nil }
        let left = dot - range.lowerBound
        let right = range.upperBound - dot - 1
        guard left >= 2, right >= 2 else { return nil }
        let rightIsCapitalised = CharacterClass(scalar(at: dot + 1)).contains(.upper)
        return rightIsCapitalised || left >= 3 && right >= 3 ? dot : nil
    }

}

/// Capitalisation and emphasis of one word, read in a single pass over its UTF-16 units.
struct WordShape {
    private(set) var upper = 0
    private(set) var lower = 0
    private(set) var isASCII = true
    private(set) var isElongated = false
    private var firstLetterIsUpper = false

    /// No letters: uncased, not elongated.
    init() {}

    init(_ units: UnsafeBufferPointer<UInt16>) {
        var seenLetter = false
        var previous: UInt32 = 0
        var repeats = 0
        var index = 0
        while index < units.count {
            var value = UInt32(units[index])
            index += 1
            let isUpper: Bool
            let isLower: Bool
            let isLetter: Bool
            if value < 0x80 {  // ASCII without a table lookup: this runs for every letter
                isUpper = value &- 0x41 < 26
                isLower = value &- 0x61 < 26
                isLetter = isUpper || isLower
            } else {
                isASCII = false
                if value & 0xFC00 == 0xD800, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                    value = 0x10000 + ((value & 0x3FF) << 10 | UInt32(units[index] & 0x3FF))
                    index += 1
                }
                let characterClass = CharacterClass(value)
                isUpper = characterClass.contains(.upper)
                isLower = characterClass.contains(.lower)
                isLetter = characterClass.contains(.letter)
            }
            if isUpper {
                upper += 1
                if !seenLetter { firstLetterIsUpper = true }
            } else if isLower {
                lower += 1
            }
            if isLetter {
                seenLetter = true
                repeats = value == previous ? repeats + 1 : 1
                if repeats >= 3 { isElongated = true }
            } else {
                repeats = 0
            }
            previous = value
        }
    }

    var caseShape: CaseShape {
        if upper == 0 { return lower == 0 ? .uncased : .lower }
        if lower == 0 { return upper >= 2 ? .allCaps : .capitalized }
        return firstLetterIsUpper && upper == 1 ? .capitalized : .mixed
    }
}
