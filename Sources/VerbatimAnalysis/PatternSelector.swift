import VerbatimLexicon
import VerbatimText

/// The PCRE2 patterns of themes or flags, each with an integer owner (a theme's or a pattern set's
/// position), chosen per comment by their prefilters: a comment runs only the patterns whose
/// `requires` words it contains (and those without) and, for patterns that list them, one of
/// their `requires_also` words; only those of its language; and only when it holds a digit, for
/// patterns that need one; never the whole list. A sentence-scoped pattern runs only on the
/// sentences that pass these tests.
struct PatternSelector: Sendable {
    /// The patterns to run on a comment, and where.
    struct Selection {
        /// A pattern (its number) and the sentences to match it in: a range of `spans`, or nil
        /// for the whole comment.
        var runs: [(number: Int, spans: Range<Int>?)] = []
        /// UTF-8 byte spans of sentences, for the runs of sentence-scoped patterns.
        var spans: [Range<Int>] = []

        /// The byte spans to match `run`'s pattern in (nil: the whole comment).
        func spans(of run: (number: Int, spans: Range<Int>?)) -> ArraySlice<Range<Int>>? {
            run.spans.map { spans[$0] }
        }
    }

    let patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)]
    /// Each pattern's compiled regex, read per run without copying the rule (its word sets and strings).
    private let regexes: [PCRE2Regex]
    /// Keys by the id of a `requires` or `requires_also` word in the shared vocabulary: pattern
    /// number × 2, plus 1 for a `requires_also` word (a pattern's two word sets sort side by side).
    private let byWord: FlatPostingLists<Int32>
    private let unconditional: [Int]
    /// The prefilters of each pattern, apart from the rule (read per comment without copying it).
    private let filters: [(language: Language?, requiresDigit: Bool, needsAlso: Bool, bySentence: Bool)]

    init(_ patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)], vocabulary: inout InternTable) {
        self.patterns = patterns
        regexes = patterns.map(\.rule.regex)
        var byWord = PostingLists()
        for (number, pattern) in patterns.enumerated() {
            for word in pattern.rule.requires.sorted() { byWord.append(2 * number, to: Int(vocabulary.intern(word))) }
            for word in pattern.rule.requiresAlso.sorted() { byWord.append(2 * number + 1, to: Int(vocabulary.intern(word))) }
        }
        self.byWord = FlatPostingLists(byWord) { Int32($0) }
        unconditional = patterns.indices.filter { patterns[$0].rule.requires.isEmpty }
        filters = patterns.map { ($0.rule.language, $0.rule.requiresDigit, !$0.rule.requiresAlso.isEmpty, $0.rule.scope == .sentence) }
    }

    /// The patterns to run on `text` (its words: `ids`) in a comment of `languages`, in order of
    /// their numbers (positions in `patterns`).
    func selected(for ids: TokenIDs, in text: AnalyzedText, languages: [Language]) -> Selection {
        // Every (key, token holding one of its words) pair, as key << 32 | token (sorted: by key,
        // then token); nothing is allocated for a comment holding none of the words.
        let tokenCount = ids.words.count
        var pairs: [Int] = []
        for token in 0..<tokenCount {
            let keys = byWord.range(of: Int(ids.words[token]))
            // A listed word also counts as the stem of an inflected token ("slot" in "slots", "month" in "month's").
            let stem = ids.stems[token]
            let stemKeys = stem >= 0 && stem != ids.words[token] ? byWord.range(of: Int(stem)) : 0..<0
            guard !keys.isEmpty || !stemKeys.isEmpty else { continue }
            if pairs.capacity == 0 { pairs.reserveCapacity(64) }
            for position in keys { pairs.append(Int(byWord.elements[position]) << 32 | token) }
            for position in stemKeys { pairs.append(Int(byWord.elements[position]) << 32 | token) }
        }
        var selection = Selection()
        guard !pairs.isEmpty || !unconditional.isEmpty else { return selection }
        pairs.sort()
        var hasDigit: Bool?
        var pair = 0
        var nextUnconditional = 0
        while pair < pairs.count || nextUnconditional < unconditional.count {
            let fromWords = pair < pairs.count ? pairs[pair] >> 33 : Int.max
            let number = nextUnconditional < unconditional.count ? min(unconditional[nextUnconditional], fromWords) : fromWords
            // The tokens holding its `requires` words, then those holding its `requires_also` words.
            let first = pair
            while pair < pairs.count, pairs[pair] >> 32 == 2 * number { pair += 1 }
            let firstAlso = pair
            while pair < pairs.count, pairs[pair] >> 32 == 2 * number + 1 { pair += 1 }
            if nextUnconditional < unconditional.count, unconditional[nextUnconditional] == number { nextUnconditional += 1 }
            let filter = filters[number]
            if filter.needsAlso && (first == firstAlso || firstAlso == pair) { continue }
            if let language = filter.language, !languages.contains(language) { continue }
            if filter.requiresDigit {
                if hasDigit == nil { hasDigit = Self.containsDigit(text.text, in: nil) }
                guard hasDigit! else { continue }
            }
            guard filter.bySentence else {
                selection.runs.append((number, nil))
                continue
            }
            let spanStart = selection.spans.count
            appendSentenceSpans(
                holding: pairs[first..<firstAlso].lazy.map { $0 & 0xFFFF_FFFF }, andOneOf: pairs[firstAlso..<pair].lazy.map { $0 & 0xFFFF_FFFF },
                of: text, needingDigit: filter.requiresDigit, to: &selection.spans)
            if selection.spans.count > spanStart { selection.runs.append((number, spanStart..<selection.spans.count)) }
        }
        return selection
    }

    /// Calls `body` with the token range of each match of `run`'s pattern in `text`, where
    /// `selection` chose to run it; returns the problem that stopped it (a match limit), nil when
    /// none did.
    func forEachTokenRange(of run: (number: Int, spans: Range<Int>?), in text: AnalyzedText, selection: Selection, _ body: (Range<Int>) -> Void) -> String? {
        switch regexes[run.number].matches(in: text.text, within: selection.spans(of: run)) {
        case .matches(let ranges):
            for range in ranges {
                if let tokens = text.tokens(coveringUTF8: range) { body(tokens) }
            }
            return nil
        case .limitExceeded(let reason), .failed(let reason):
            return "pattern \(patterns[run.number].rule.origin) stopped: \(reason)"
        }
    }

    /// Appends the byte spans of the sentences of `text` holding one of `tokens` (ascending; every
    /// sentence when empty: a pattern without `requires`) and one of `alsoTokens` (unless empty),
    /// and a digit when `needingDigit`. The sentences' spans tile the text: each reaches to the next
    /// one's first token.
    private func appendSentenceSpans(holding tokens: some Collection<Int>, andOneOf alsoTokens: some Collection<Int>, of text: AnalyzedText,
                                     needingDigit: Bool, to spans: inout [Range<Int>]) {
        var next = tokens.startIndex
        var nextAlso = alsoTokens.startIndex
        let sentenceCount = text.sentences.count
        for index in 0..<sentenceCount {
            let tokenRange = text.sentences[index].tokenRange
            if !tokens.isEmpty {
                while next < tokens.endIndex, tokens[next] < tokenRange.lowerBound { tokens.formIndex(after: &next) }
                guard next < tokens.endIndex, tokenRange.contains(tokens[next]) else { continue }
            }
            if !alsoTokens.isEmpty {
                while nextAlso < alsoTokens.endIndex, alsoTokens[nextAlso] < tokenRange.lowerBound { alsoTokens.formIndex(after: &nextAlso) }
                guard nextAlso < alsoTokens.endIndex, tokenRange.contains(alsoTokens[nextAlso]) else { continue }
            }
            let start = index == 0 ? 0 : text.byteStart(ofToken: tokenRange.lowerBound)
            let end = index + 1 < sentenceCount ? text.byteStart(ofToken: text.sentences[index + 1].tokenRange.lowerBound) : text.text.utf8.count
            if needingDigit && !Self.containsDigit(text.text, in: start..<end) { continue }
            spans.append(start..<end)
        }
    }

    /// Whether `text` (or the UTF-8 byte span `span` of it; nil: all) holds an ASCII digit.
    private static func containsDigit(_ text: String, in span: Range<Int>?) -> Bool {
        var text = text
        return text.withUTF8 { containsDigit(UnsafeBufferPointer(rebasing: $0[span ?? 0..<$0.count])) }
    }

    /// Whether `bytes` hold an ASCII digit, tested eight bytes at a time: a byte is a digit when,
    /// XOR `0x30`, it is below 10, and a word has a byte below 10 when
    /// `(word − 0x0A…) & ~word & 0x80…` is not zero (exact for "any", which is all that is asked).
    private static func containsDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        var offset = 0
        if let base = bytes.baseAddress {
            while bytes.count - offset >= 8 {
                let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) ^ (ones &* 0x30)
                if (word &- ones &* 0x0A) & ~word & (ones &* 0x80) != 0 { return true }
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] ^ 0x30 < 10 { return true }
            offset += 1
        }
        return false
    }
}
