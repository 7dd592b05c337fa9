import VerbatimText

/// Terms compiled for matching against analysed comments without looping over every term: an
/// index by normal form, by stem and by prefix of each term's first word. Each term carries an
/// integer payload (a theme, a touch point, a flag condition's term set) — not a generic one, so
/// the matcher runs specialised from other modules. Immutable; shared by all workers.
public struct TermIndex: Sendable {
    public typealias Payload = Int

    /// A term that matched, with the token range of its evidence.
    public struct Match: Sendable {
        public var payload: Payload
        public var term: TermPattern
        public var tokenRange: Range<Int>
    }

    private struct Entry: Sendable {
        var term: TermPattern
        var payload: Payload
        /// Stems of the term's words (in its language), for stem matching.
        var stems: [[String]]
    }

    private var entries: [Entry] = []
    private var byWord: [String: [Int]] = [:]
    private var byStem: [String: [Int]] = [:]
    /// Prefix terms by their first three letters (every prefix has at least three).
    private var byPrefix: [String: [Int]] = [:]
    /// Single-word terms, for Danish compound parts ("levering" in "leveringstiden").
    private var singleWords: [String: [Int]] = [:]

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a term; `stemmer` (the term's language) lets "refund" match "refunded".
    public mutating func add(_ term: TermPattern, payload: Payload, stemmer: Stemmer?) {
        let sides: [[TermPattern.Word]]
        switch term.shape {
        case .sequence(let words): sides = [words]
        case .near(let left, let right, _): sides = [left, right]
        }
        let stems = sides.map { side in side.map { $0.isPrefix ? $0.text : (stemmer?.stem($0.text) ?? $0.text) } }
        let index = entries.count
        entries.append(Entry(term: term, payload: payload, stems: stems))
        // Index by the first word of each side, so NEAR terms are found from either end.
        for (side, words) in sides.enumerated() {
            let first = words[0]
            if first.isPrefix {
                byPrefix[String(first.text.prefix(3)), default: []].append(index)
            } else {
                byWord[first.text, default: []].append(index)
                if Self.stemUsable(stems[side][0]) { byStem[stems[side][0], default: []].append(index) }
            }
        }
        if case .sequence(let words) = term.shape, words.count == 1, !words[0].isPrefix {
            singleWords[words[0].text, default: []].append(index)
        }
    }

    /// The matches in `text` that count: exclusion terms (`-term`) are applied — a match lying
    /// inside an exclusion match of the same payload is dropped — and are not returned themselves.
    public func matches(in text: AnalyzedText) -> [Match] {
        let all = allMatches(in: text)
        let exclusions = all.filter(\.term.isExclusion)
        guard !exclusions.isEmpty else { return all }
        return all.filter { match in
            !match.term.isExclusion && !exclusions.contains { exclusion in
                exclusion.payload == match.payload && exclusion.tokenRange.lowerBound <= match.tokenRange.lowerBound
                    && exclusion.tokenRange.upperBound >= match.tokenRange.upperBound
            }
        }
    }

    /// Every match in `text`, exclusion terms included. Punctuation between words does not break a
    /// phrase's adjacency.
    /// - Complexity: O(tokens × candidate terms per token).
    func allMatches(in text: AnalyzedText) -> [Match] {
        var found: [Match] = []
        guard !entries.isEmpty else { return found }
        let words = text.tokens.indices.filter { text.tokens[$0].kind != .punctuation && text.tokens[$0].kind != .symbol }
        var candidates: [Int] = []
        for (position, tokenIndex) in words.enumerated() {
            let normalized = text.tokens[tokenIndex].normalized  // the field only: no copy of the whole token
            candidates.removeAll(keepingCapacity: true)
            if let hits = byWord[normalized] { candidates += hits }
            if let stem = text.stems[tokenIndex], stem != normalized, let hits = byStem[stem] { candidates += hits }
            if !byPrefix.isEmpty, normalized.unicodeScalars.count >= 3,
                let hits = byPrefix[String(String.UnicodeScalarView(normalized.unicodeScalars.prefix(3)))]
            {
                candidates += hits
            }
            if candidates.count > 1 { candidates = Array(Set(candidates)).sorted() }
            for candidate in candidates {
                if let range = verify(entries[candidate], at: position, words: words, text: text) {
                    found.append(Match(payload: entries[candidate].payload, term: entries[candidate].term, tokenRange: range))
                }
            }
            // Compound parts: a single-word term matches a part of a Danish compound.
            if let compound = text.compounds[tokenIndex] {
                for part in compound.parts where part.role == .modifier || part.role == .head {
                    for candidate in singleWords[part.text] ?? [] {
                        found.append(Match(payload: entries[candidate].payload, term: entries[candidate].term, tokenRange: tokenIndex..<(tokenIndex + 1)))
                    }
                }
            }
        }
        return found
    }

    /// Whether `words` (a term side) match the comment's words starting at `position`.
    private func sideMatches(_ side: [TermPattern.Word], stems: [String], at position: Int, words: [Int], text: AnalyzedText) -> Bool {
        guard position + side.count <= words.count else { return false }
        for (offset, word) in side.enumerated() {
            let normalized = text.tokens[words[position + offset]].normalized
            if word.isPrefix {
                guard normalized.hasPrefix(word.text) else { return false }
            } else if normalized != word.text, !Self.stemUsable(stems[offset]) || text.stems[words[position + offset]] != stems[offset] {
                return false
            }
        }
        return true
    }

    private func verify(_ entry: Entry, at position: Int, words: [Int], text: AnalyzedText) -> Range<Int>? {
        switch entry.term.shape {
        case .sequence(let side):
            guard sideMatches(side, stems: entry.stems[0], at: position, words: words, text: text) else { return nil }
            return words[position]..<(words[position + side.count - 1] + 1)
        case .near(let left, let right, let distance):
            // Anchor on whichever side starts here; look for the other within the distance.
            let sides = [(left, entry.stems[0], right, entry.stems[1]), (right, entry.stems[1], left, entry.stems[0])]
            for (anchor, anchorStems, other, otherStems) in sides
            where sideMatches(anchor, stems: anchorStems, at: position, words: words, text: text) {
                let low = max(0, position - distance - other.count + 1)
                let high = min(words.count - 1, position + anchor.count - 1 + distance)
                for start in low...max(low, high) where start + other.count <= words.count
                    && (start + other.count <= position || start >= position + anchor.count)
                    && sameSentence(words[start], words[position], text: text)
                    && sideMatches(other, stems: otherStems, at: start, words: words, text: text)
                {
                    let first = min(start, position)
                    let last = max(start + other.count, position + anchor.count) - 1
                    return words[first]..<(words[last] + 1)
                }
            }
            return nil
        }
    }

    /// Short stems collide with function words (Danish "vare" and "var" share "var"): only stems
    /// of `CompiledSentimentLexicon.minimumStemLength` or more letters match.
    static func stemUsable(_ stem: String) -> Bool {
        stem.count >= CompiledSentimentLexicon.minimumStemLength
    }

    private func sameSentence(_ a: Int, _ b: Int, text: AnalyzedText) -> Bool {
        text.sentences.first { $0.tokenRange.contains(a) }?.tokenRange.contains(b) ?? false
    }
}
