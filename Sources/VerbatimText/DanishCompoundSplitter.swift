/// Splits Danish compounds into the parts a lexicon can look up: "kundeservice" → kunde+service,
/// "leveringstiden" → levering+s+tid+en, "hjemmelevering" → hjemme+levering.
///
/// Every part must be a word of the vocabulary (lemma forms, `lexicons/da/compound-parts.txt`);
/// parts may be joined by the linking letters "s" or "e", and the last part (the head, which
/// carries the meaning: a "leveringstid" is a kind of "tid") may carry an inflection ending.
/// Of all splits the one with the fewest parts wins, then the one with fewer linking letters.
///
/// Guards against false splits: no part boundary may cut a derivational suffix ("lev|ering" is
/// not "leve" + "ring"), and a word that is itself in the vocabulary is split only into
/// modifiers of four or more letters ("tilbud" is not "til" + "bud"; "ventetid" is "vente" + "tid").
public struct DanishCompoundSplitter: Sendable {
    private let vocabulary: Set<String>
    private let minimumPartLength: Int
    /// Heads may be shorter than other parts ("telefon+kø").
    private let minimumHeadLength = 2

    /// - Parameters:
    ///   - vocabulary: lower-case lemmas that may stand as parts.
    ///   - minimumPartLength: shortest part in scalars; shorter vocabulary entries are ignored.
    public init(vocabulary: some Sequence<String>, minimumPartLength: Int = 3) {
        self.vocabulary = Set(vocabulary.filter { $0.unicodeScalars.count >= 2 })
        self.minimumPartLength = minimumPartLength
    }

    /// Inflection endings the head may carry, longest first.
    static let endings: [String] = [
        "ernes", "enes", "erne", "ene", "ens", "ets", "ers", "rne", "en", "et", "er", "ne", "es", "e", "n", "r", "s", "t",
    ]
    /// Linking letters between parts.
    static let linkers: [String] = ["s", "e"]

    /// The split of a normalised word, or nil when it is not a compound of known parts.
    /// - Complexity: O(n²) lookups for a word of n scalars.
    public func split(_ word: String) -> CompoundSplit? {
        let scalars = Array(word.unicodeScalars)
        let count = scalars.count
        guard count >= 2 * minimumPartLength else { return nil }
        let minimumModifierLength = isKnownWord(word) ? max(4, minimumPartLength) : minimumPartLength
        let suffixStart = Self.derivationalSuffixStart(of: word, scalarCount: count)
        func text(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        // best[i]: the cheapest way to cover scalars[0..<i] with whole parts (each followed by
        // its linker, if any), so that a new part may start at i.
        struct Step { var cost: Int; var parts: [CompoundPart] }
        var best = [Step?](repeating: nil, count: count + 1)
        best[0] = Step(cost: 0, parts: [])
        var result: Step?
        for start in 0..<count where start + minimumHeadLength <= count {
            guard let before = best[start] else { continue }
            for end in (start + minimumHeadLength)...count {
                let part = text(start..<end)
                guard vocabulary.contains(part) else { continue }
                let partCost = 10
                let modifier = CompoundPart(text: part, role: .modifier, range: start..<end)
                // This part as a modifier, optionally followed by a linking letter.
                if end < count, end - start >= max(minimumModifierLength, minimumPartLength), end <= suffixStart {
                    relax(&best[end], Step(cost: before.cost + partCost, parts: before.parts + [modifier]))
                    for linker in Self.linkers where end + linker.unicodeScalars.count < count {
                        let linkEnd = end + linker.unicodeScalars.count
                        guard text(end..<linkEnd) == linker else { continue }
                        let link = CompoundPart(text: linker, role: .linker, range: end..<linkEnd)
                        relax(&best[linkEnd], Step(cost: before.cost + partCost + 1, parts: before.parts + [modifier, link]))
                    }
                }
                // This part as the head, with the rest of the word as its ending.
                guard !before.parts.isEmpty, start <= suffixStart else { continue }
                let rest = text(end..<count)
                guard rest.isEmpty || Self.endings.contains(rest) else { continue }
                var parts = before.parts + [CompoundPart(text: part, role: .head, range: start..<end)]
                if !rest.isEmpty { parts.append(CompoundPart(text: rest, role: .ending, range: end..<count)) }
                relax(&result, Step(cost: before.cost + partCost, parts: parts))
            }
        }
        return result.map { CompoundSplit(word: word, parts: $0.parts) }

        func relax(_ slot: inout Step?, _ candidate: Step) {
            if slot == nil || candidate.cost < slot!.cost { slot = candidate }
        }
    }

    /// Derivational suffixes that no part boundary may cut.
    static let derivationalSuffixes: [String] = [
        "ering", "ninger", "ningen", "ning", "elsen", "else", "heden", "hed", "ende", "lighed", "ighed", "ion", "ist",
        "isme", "skab", "dom",
    ]

    /// Where a derivational suffix at the end of `word` (possibly followed by an ending) starts;
    /// `scalarCount` when there is none. Boundaries must not fall after this point.
    private static func derivationalSuffixStart(of word: String, scalarCount: Int) -> Int {
        var earliest = scalarCount
        for ending in [""] + endings where word.hasSuffix(ending) {
            let stem = word.dropLast(ending.count)
            for suffix in derivationalSuffixes where stem.hasSuffix(suffix) {
                // A suffix starts at a boundary it may sit on, not inside.
                earliest = min(earliest, stem.unicodeScalars.count - suffix.unicodeScalars.count)
            }
        }
        return earliest
    }

    /// True when `word`, or `word` without an inflection ending, is in the vocabulary.
    public func isKnownWord(_ word: String) -> Bool {
        if vocabulary.contains(word) { return true }
        for ending in Self.endings where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            if stem.unicodeScalars.count >= minimumPartLength, vocabulary.contains(stem) { return true }
        }
        return false
    }
}

/// A compound and its parts, in order.
public struct CompoundSplit: Hashable, Sendable {
    public var word: String
    public var parts: [CompoundPart]

    /// The part that carries the meaning ("tid" in "leveringstid").
    public var head: String { parts.last(where: { $0.role == .head })?.text ?? word }
    /// The parts before the head ("levering" in "leveringstid").
    public var modifiers: [String] { parts.filter { $0.role == .modifier }.map(\.text) }
    /// "levering+s+tid+en".
    public var description: String { parts.map(\.text).joined(separator: "+") }
}

/// One part of a compound, with its scalar offsets inside the word.
public struct CompoundPart: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, Codable {
        case modifier, linker, head, ending
    }

    public var text: String
    public var role: Role
    public var range: Range<Int>
}
