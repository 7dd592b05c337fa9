import VerbatimText

/// Terms compiled for matching against analysed comments without looping over every term: an
/// index by normal form, by stem and by prefix of each term's first word, over the terms of every
/// language (each term keeps its language; a comment matches those of its own languages). Each term carries an
/// integer payload (a theme, a touch point, a flag condition's term set) — not a generic one, so
/// the matcher runs specialised from other modules. Immutable once built; shared by all workers.
///
/// Term words and stems are interned in the compiled lexicons' shared vocabulary when terms are
/// added; a comment's words are looked up there once (`TokenIDs`), and matching compares integers.
public struct TermIndex: Sendable {
    public typealias Payload = Int

    /// A term that matched, with the token range of its evidence. Holds no strings, so that
    /// collecting and discarding matches costs no reference counting; `term(of:)` gives the rule.
    public struct Match: Sendable {
        public var payload: Payload
        /// The term's position in this index.
        public var termNumber: Int
        public var isExclusion: Bool
        public var tokenRange: Range<Int>
    }

    /// The source text and file:line of the term of a match's `termNumber`, without copying the
    /// compiled term (evidence needs only these).
    public func rule(ofTerm number: Int) -> (source: String, origin: EntryOrigin) { rules[number] }

    /// One word of a compiled term: the interned normal form and stem, or a prefix, or any
    /// number (`anyNumber` as the word).
    private struct WordRule {
        var word: Int32
        /// The interned stem, −1 when the stem is too short to match on (`stemUsable`).
        var stem: Int32
        /// The number of a `prefix*` word's prefix (`prefixBytes`), −1 otherwise.
        var prefix: Int32
    }

    /// A compiled term: its words live in `wordRules[start ..< start + left + right]`. Stored in
    /// narrow fields (24 bytes, not 64): the per-token loop reads the entries of its candidates at
    /// random, and more of them stay in cache.
    private struct Entry {
        private let storedPayload: Int32
        private let storedStart: Int32
        private let storedLeft, storedRight, storedDistance, storedLeftAnchor, storedRightAnchor: UInt16
        let isNear: Bool
        let isExclusion: Bool
        /// A NEAR term is looked for where its right side's anchor word occurs (else its left's).
        let isAnchoredRight: Bool
        let language: LanguageMask
        /// One word, not a prefix: indexed by that word and its stem only, so a candidate matches.
        var isSingleWord = false

        init(payload: Payload, start: Int, left: Int, right: Int, distance: Int, isNear: Bool, isExclusion: Bool, isAnchoredRight: Bool, language: LanguageMask, leftAnchor: Int, rightAnchor: Int) {
            storedPayload = Int32(payload)
            storedStart = Int32(start)
            // No comment's sentence is 65,535 words long: a larger NEAR distance means the same.
            (storedLeft, storedRight, storedDistance) = (UInt16(left), UInt16(right), UInt16(clamping: distance))
            (storedLeftAnchor, storedRightAnchor) = (UInt16(leftAnchor), UInt16(rightAnchor))
            (self.isNear, self.isExclusion, self.isAnchoredRight, self.language) = (isNear, isExclusion, isAnchoredRight, language)
        }

        var payload: Payload { Int(storedPayload) }
        var start: Int { Int(storedStart) }
        var left: Int { Int(storedLeft) }
        /// Words of a NEAR term's right side (0 for a sequence).
        var right: Int { Int(storedRight) }
        var distance: Int { Int(storedDistance) }
        /// Each side's anchor word (its offset in the side, `anchor(of:)`), by which the entry is
        /// indexed, so that "customer service was slow" is looked at where "slow" occurs, not at
        /// every "service"; a NEAR term by one side's only (`isAnchoredRight`).
        var leftAnchor: Int { Int(storedLeftAnchor) }
        var rightAnchor: Int { Int(storedRightAnchor) }
    }

    /// A set of languages as bits, for filtering candidates without hashing.
    struct LanguageMask: OptionSet, Sendable {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        init(_ language: Language) { rawValue = 1 << UInt8(Language.allCases.firstIndex(of: language)!) }
        init(_ languages: [Language]) { self = languages.reduce([]) { $0.union(LanguageMask($1)) } }
    }

    /// Each term's source text and file:line, apart from its compiled form (evidence reads only these).
    private var rules: [(source: String, origin: EntryOrigin)] = []
    private var entries: [Entry] = []
    private var wordRules: [WordRule] = []
    /// The UTF-8 bytes of every prefix back to back: prefix `n` is
    /// `prefixBytes[prefixStarts[n] ..< prefixStarts[n + 1]]`. Compared byte by byte with a token's
    /// normal form (both NFKC): a prefix test costs no Unicode-aware string comparison.
    private var prefixBytes: [UInt8] = []
    private var prefixStarts: [Int32] = [0]
    /// Per prefix: its first three scalars packed (`TokenIDs.prefixKey`); a token whose key differs
    /// cannot start with it, which settles most prefix tests without reading the token's text.
    private var prefixKeyOf: [UInt64] = []
    /// Per prefix: its fourth to sixth scalars (`TokenIDs.prefixTail`) and the mask of those it
    /// has; a token whose tail differs under the mask cannot start with it.
    private var prefixTailOf: [(tail: UInt64, mask: UInt64)] = []
    /// Per prefix: whether it has at most six scalars, so that the keys settle it without
    /// comparing the token's text.
    private var prefixIsShort: [Bool] = []
    /// Entries by the interned anchor word (or its stem) of the side an entry is indexed by.
    private var byWord = FlatPostingLists<Candidate>()
    private var byStem = FlatPostingLists<Candidate>()
    /// Prefix terms by the first three scalars of the prefix (every prefix has at least three),
    /// through the prefix key's dense number.
    private var prefixKeys = PrefixKeyTable()
    private var byPrefix = FlatPostingLists<Candidate>()
    /// Single-word terms, for Danish compound parts ("levering" in "leveringstiden").
    private var singleWords = FlatPostingLists<Int32>()
    /// The most candidates one token can collect from its word, stem and prefix lists: the size of
    /// the scratch buffer matching collects them in.
    private var mostCandidates = 0

    /// A term to compile: its language and payload.
    public typealias Source = (term: TermPattern, language: Language, payload: Payload)

    /// Compiles `terms`, interning their words in `vocabulary`; `stemmers` (per language) let
    /// "refund" match "refunded". Each phrase is indexed by the word fewest terms share (so
    /// "customer service was slow" is looked at where "slow" occurs, not at every "service").
    public init(_ terms: [Source], stemmers: [Language: Stemmer], vocabulary: inout InternTable) {
        var termsUsing: [String: Int] = [:]
        for source in terms {
            for word in Set(Self.sides(of: source.term).joined().map(\.text)) { termsUsing[word, default: 0] += 1 }
        }
        var anchoring = Anchoring()
        for source in terms {
            add(source.term, language: source.language, payload: source.payload, stemmer: stemmers[source.language],
                termsUsing: termsUsing, vocabulary: &vocabulary, anchoring: &anchoring)
        }
        let languages = entries.map(\.language)
        let candidate = { (entry: Int) in
            let other = anchoring.otherWords[entry]
            return Candidate(
                entry: Int32(entry), otherWord: other.word, otherStem: other.stem, otherOffset: other.offset, language: languages[entry],
                anchorPrefix: anchoring.anchorPrefixes[entry])
        }
        byWord = FlatPostingLists(anchoring.byWord, candidate)
        byStem = FlatPostingLists(anchoring.byStem, candidate)
        byPrefix = FlatPostingLists(anchoring.byPrefix, candidate)
        singleWords = FlatPostingLists(anchoring.singleWords) { Int32($0) }
        mostCandidates = max(byWord.longestRun + byStem.longestRun + byPrefix.longestRun, singleWords.longestRun)
    }

    /// An entry in a list of candidates, with what rules most candidates out without reading the
    /// entry or its words (both scattered in memory: a cache miss each): its language, and a word it
    /// needs besides the one it is listed by (interned word and stem; −1 when it needs none). A
    /// comment that lacks that word, as its `WordPresence` tells, passes over the entry; so does a
    /// sequence whose word at that word's offset from the anchor is another. Words common in
    /// comments and in terms ("called", "update") head lists of dozens of phrases, most of them absent.
    private struct Candidate: Sendable {
        var entry: Int32
        var otherWord: Int32
        var otherStem: Int32
        /// For a sequence, the other word's position relative to the anchor word; 0 when the
        /// position is not fixed (NEAR) or there is no other word.
        var otherOffset: Int8
        var language: LanguageMask
        /// The prefix number of a `prefix*` anchor word (a candidate of `byPrefix`), −1 otherwise.
        var anchorPrefix: Int32

        @inline(__always)
        func mayMatch(in presence: WordPresence.Reader) -> Bool {
            otherWord < 0 || presence.mayContain(otherWord) || (otherStem >= 0 && presence.mayContain(otherStem))
        }

        /// False when the other word of a sequence anchored at word `position` is certainly not
        /// where it must be — the test `sideMatches` makes for that word.
        @inline(__always)
        func otherWordMayBe(at position: Int, ids: TokenIDs) -> Bool {
            guard otherOffset != 0 else { return true }
            let at = position + Int(otherOffset)
            guard at >= 0, at < ids.wordTokens.count else { return false }
            return TermIndex.token(ids.wordTokens[at], of: ids, matchesWord: otherWord, stem: otherStem)
        }
    }

    /// Entry numbers by what they are looked up by, and each entry's other word, gathered while
    /// terms are compiled.
    private struct Anchoring {
        var byWord = PostingLists()
        var byStem = PostingLists()
        var byPrefix = PostingLists()
        var singleWords = PostingLists()
        var otherWords: [(word: Int32, stem: Int32, offset: Int8)] = []
        var anchorPrefixes: [Int32] = []
    }

    private static func sides(of term: TermPattern) -> [[TermPattern.Word]] {
        switch term.shape {
        case .sequence(let words): [words]
        case .near(let left, let right, _): [left, right]
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    private mutating func add(
        _ term: TermPattern, language: Language, payload: Payload, stemmer: Stemmer?, termsUsing: [String: Int], vocabulary: inout InternTable,
        anchoring: inout Anchoring
    ) {
        let sides = Self.sides(of: term)
        let index = entries.count
        let start = wordRules.count
        for words in sides {
            for word in words {
                if word.isNumber {
                    wordRules.append(WordRule(word: Self.anyNumber, stem: -1, prefix: -1))
                } else if word.isPrefix {
                    prefixBytes += word.text.utf8
                    prefixStarts.append(Int32(prefixBytes.count))
                    let length = word.text.unicodeScalars.count
                    prefixKeyOf.append(TokenIDs.prefixKey(word.text))
                    // The mask covers the fields of the scalars after the third the prefix has (at most three, 21 bits each, from the top).
                    let fields = UInt64(min(max(length - 3, 0), 3))
                    prefixTailOf.append((TokenIDs.prefixTail(word.text), ~(UInt64.max >> (21 * fields)) >> 1))
                    prefixIsShort.append(length <= 6)
                    wordRules.append(WordRule(word: -1, stem: -1, prefix: Int32(prefixStarts.count - 2)))
                } else {
                    let stem = stemmer?.stem(word.text) ?? word.text
                    wordRules.append(WordRule(
                        word: vocabulary.intern(word.text), stem: Self.stemUsable(stem) ? vocabulary.intern(stem) : -1, prefix: -1))
                }
            }
        }
        var distance = 0
        if case .near(_, _, let near) = term.shape { distance = near }
        let leftAnchor = Self.anchor(of: sides[0], termsUsing: termsUsing)
        let rightAnchor = sides.count > 1 ? Self.anchor(of: sides[1], termsUsing: termsUsing) : 0
        // A NEAR term is indexed by one side's anchor — the better of the two — and the other side
        // is sought around it, either before or after: indexing both sides would find each match twice.
        let isAnchoredRight = sides.count > 1
            && Self.anchorRank(sides[1][rightAnchor], termsUsing: termsUsing) < Self.anchorRank(sides[0][leftAnchor], termsUsing: termsUsing)
        let entry = Entry(
            payload: payload, start: start, left: sides[0].count, right: sides.count > 1 ? sides[1].count : 0, distance: distance,
            isNear: sides.count > 1, isExclusion: term.isExclusion, isAnchoredRight: isAnchoredRight, language: LanguageMask(language),
            leftAnchor: leftAnchor, rightAnchor: rightAnchor)
        rules.append((term.source, term.origin))
        entries.append(entry)
        let anchorOffset = isAnchoredRight ? entry.left + rightAnchor : leftAnchor
        let rule = wordRules[start + anchorOffset]
        anchoring.anchorPrefixes.append(rule.prefix)
        if rule.prefix >= 0 {
            anchoring.byPrefix.append(index, to: prefixKeys.number(adding: prefixKeyOf[Int(rule.prefix)]))
        } else {
            anchoring.byWord.append(index, to: Int(rule.word))
            if rule.stem >= 0 { anchoring.byStem.append(index, to: Int(rule.stem)) }
        }
        // The other word checked first: the best anchor among the rest (a whole word, rare in terms).
        let words = Array(sides.joined())
        let other = words.indices.filter { $0 != anchorOffset && !words[$0].isPrefix && !words[$0].isNumber }
            .min { Self.anchorRank(words[$0], termsUsing: termsUsing) < Self.anchorRank(words[$1], termsUsing: termsUsing) }
        // Within a sequence the other word's place is fixed; a phrase longer than 127 words is not looked at by place.
        let offset = entry.isNear ? 0 : other.map { $0 - anchorOffset } ?? 0
        anchoring.otherWords.append(other.map { (wordRules[start + $0].word, wordRules[start + $0].stem, abs(offset) < 127 ? Int8(offset) : 0) } ?? (-1, -1, 0))
        if !entry.isNear, entry.left == 1, wordRules[entry.start].prefix < 0 {
            anchoring.singleWords.append(index, to: Int(wordRules[entry.start].word))
            entries[index].isSingleWord = true
        }
    }

    /// The offset of the word a side is indexed by: a whole word rather than a prefix, then one
    /// that is not frequent in any comment (not a function word, more than two letters: "and",
    /// "jeg", "on"), then the word the fewest terms of the index use (the domain's hub words —
    /// "service", "delivery" — are also the commonest in comments), then the longest, then the
    /// first. Fewer candidates are verified per token.
    private static func anchor(of words: [TermPattern.Word], termsUsing: [String: Int]) -> Int {
        var best = 0
        for offset in words.indices.dropFirst()
        where anchorRank(words[offset], termsUsing: termsUsing) < anchorRank(words[best], termsUsing: termsUsing) {
            best = offset
        }
        return best
    }

    /// How poor an anchor `word` is (lower is better), by the order `anchor(of:)` describes; `#`
    /// (any number) never anchors while a side has another word.
    private static func anchorRank(_ word: TermPattern.Word, termsUsing: [String: Int]) -> (Int, Int, Int, Int) {
        (word.isNumber ? 2 : word.isPrefix ? 1 : 0, word.text.count <= 2 || FunctionWords.contains(word.text) ? 1 : 0, termsUsing[word.text] ?? 0, -word.text.count)
    }

    /// The matches in `text` that count: exclusion terms (`-term`) are applied — a match that
    /// overlaps an exclusion match of the same payload is dropped ("the product" in "the product
    /// page" by `-"product page"`) — and are not returned themselves.
    /// Only terms of `languages` match.
    public func matches(in text: AnalyzedText, ids: TokenIDs, languages: [Language]) -> [Match] {
        let all = allMatches(in: text, ids: ids, languages: LanguageMask(languages))
        let exclusions = all.filter(\.isExclusion)
        guard !exclusions.isEmpty else { return all }
        return all.filter { match in
            !match.isExclusion && !exclusions.contains { exclusion in
                exclusion.payload == match.payload && exclusion.tokenRange.overlaps(match.tokenRange)
            }
        }
    }

    /// Every match in `text`, exclusion terms included. Punctuation between words does not break a
    /// phrase's adjacency.
    /// - Complexity: O(tokens × candidate terms per token).
    func allMatches(in text: AnalyzedText, ids: TokenIDs, languages: LanguageMask) -> [Match] {
        guard !entries.isEmpty else { return [] }
        return ids.presence.withReader { allMatches(in: text, ids: ids, languages: languages, present: $0) }
    }

    private func allMatches(in text: AnalyzedText, ids: TokenIDs, languages: LanguageMask, present: WordPresence.Reader) -> [Match] {
        var found: [Match] = []
        found.reserveCapacity(16)
        // Matches are found at their anchor word; ones starting before it are put in text order.
        var inOrder = true
        let hasCompounds = !ids.compoundPartIDs.isEmpty
        // A token's candidates, collected in a buffer sized for the longest lists (no array to clear per token).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: mostCandidates) { scratch in
            for position in ids.wordTokens.indices {
                let tokenIndex = ids.wordTokens[position]
                let word = ids.words[tokenIndex], stem = ids.stems[tokenIndex]
                var count = collect(byWord, Int(word), present: present, languages: languages, position: position, ids: ids, into: scratch, at: 0)
                var lists = count > 0 ? 1 : 0
                if Self.isInflected(word: word, stem: stem) {
                    let before = count
                    count = collect(byStem, Int(stem), present: present, languages: languages, position: position, ids: ids, into: scratch, at: count)
                    if count > before { lists += 1 }
                }
                if let prefix = prefixKeys.number(of: ids.prefixKeys[tokenIndex]) {
                    let before = count
                    count = collect(
                        byPrefix, prefix, present: present, languages: languages, position: position, ids: ids, into: scratch, at: count,
                        tail: TokenIDs.prefixTail(text.tokens[tokenIndex].normalized))
                    if count > before { lists += 1 }
                }
                // One list is already unique, in increasing order.
                if lists > 1 { count = Self.sortedUnique(UnsafeMutableBufferPointer(rebasing: scratch[..<count])) }
                for candidate in scratch[..<count].lazy.map(Int.init) {
                    let entry = entries[candidate]
                    if entry.isSingleWord {
                        // Found by its word or stem: nothing left to compare.
                        found.append(match(candidate, tokenIndex..<(tokenIndex + 1)))
                    } else if entry.isNear {
                        for range in nearMatches(entry, anchoredAt: position, ids: ids, text: text) {
                            found.append(match(candidate, range))
                            inOrder = false
                        }
                    } else if let range = sequenceMatch(entry, anchoredAt: position, ids: ids, text: text) {
                        found.append(match(candidate, range))
                        if entry.leftAnchor > 0 { inOrder = false }
                    }
                }
                // Compound parts: a single-word term matches a part of a Danish compound.
                guard hasCompounds else { continue }
                for part in ids.compoundParts(of: tokenIndex) {
                    for element in singleWords.range(of: Int(ids.compoundPartIDs[part])) {
                        let candidate = Int(singleWords.elements[element])
                        if entries[candidate].language.isSubset(of: languages) { found.append(match(candidate, tokenIndex..<(tokenIndex + 1))) }
                    }
                }
            }
        }
        if !inOrder {
            found.sort { ($0.tokenRange.lowerBound, $0.termNumber) < ($1.tokenRange.lowerBound, $1.termNumber) }
        }
        return found
    }

    /// Writes the entries of the list of `key` in `lists` that may match at word `position` of a
    /// comment of `languages` holding `present` into `output` from `start`; returns the end of what was written.
    /// `tail`: the token's `TokenIDs.prefixTail`, which `byPrefix` candidates must agree with.
    @inline(__always)
    private func collect(
        _ lists: FlatPostingLists<Candidate>, _ key: Int, present: WordPresence.Reader, languages: LanguageMask, position: Int, ids: TokenIDs,
        into output: UnsafeMutableBufferPointer<Int32>, at start: Int, tail: UInt64 = 0
    ) -> Int {
        var end = start
        lists.elements.withUnsafeBufferPointer { elements in
            for element in lists.range(of: key) {
                let candidate = elements[element]
                guard candidate.language.isSubset(of: languages), candidate.mayMatch(in: present), candidate.otherWordMayBe(at: position, ids: ids),
                    candidate.anchorPrefix < 0 || prefixTailOf[Int(candidate.anchorPrefix)].mask & tail == prefixTailOf[Int(candidate.anchorPrefix)].tail
                else { continue }
                output[end] = candidate.entry
                end += 1
            }
        }
        return end
    }

    /// Sorts `values` and moves each distinct value to the front once; returns how many there are.
    private static func sortedUnique(_ values: UnsafeMutableBufferPointer<Int32>) -> Int {
        guard values.count > 1 else { return values.count }
        if values.count > 24 {
            var values = values
            values.sort()
        } else {
            // Insertion sort: a few candidates per token, usually almost in order.
            for index in 1..<values.count {
                let value = values[index]
                var slot = index
                while slot > 0, values[slot - 1] > value {
                    values[slot] = values[slot - 1]
                    slot -= 1
                }
                values[slot] = value
            }
        }
        var kept = 1
        for index in 1..<values.count where values[index] != values[kept - 1] {
            values[kept] = values[index]
            kept += 1
        }
        return kept
    }

    private func match(_ number: Int, _ tokenRange: Range<Int>) -> Match {
        Match(payload: entries[number].payload, termNumber: number, isExclusion: entries[number].isExclusion, tokenRange: tokenRange)
    }

    /// Whether the `count` word rules from `start` match the comment's word sequence from `position`.
    private func sideMatches(start: Int, count: Int, at position: Int, ids: TokenIDs, text: AnalyzedText) -> Bool {
        guard position + count <= ids.wordTokens.count else { return false }
        for offset in 0..<count {
            let rule = wordRules[start + offset]
            let tokenIndex = ids.wordTokens[position + offset]
            guard mayMatch(rule, token: tokenIndex, ids: ids, text: text),
                rule.prefix < 0 || prefixIsShort[Int(rule.prefix)] || hasPrefix(text.tokens[tokenIndex].normalized, Int(rule.prefix))
            else { return false }
        }
        return true
    }

    /// Whether token `tokenIndex` matches `rule` by its ids: its word or (inflected) stem, or for a
    /// prefix the first six scalars — a longer prefix is then compared in full by `hasPrefix`; `#` by its kind.
    @inline(__always)
    private func mayMatch(_ rule: WordRule, token tokenIndex: Int, ids: TokenIDs, text: AnalyzedText) -> Bool {
        if rule.prefix >= 0 {
            guard ids.prefixKeys[tokenIndex] == prefixKeyOf[Int(rule.prefix)] else { return false }
            let tail = prefixTailOf[Int(rule.prefix)]
            return TokenIDs.prefixTail(text.tokens[tokenIndex].normalized) & tail.mask == tail.tail
        }
        if rule.word == Self.anyNumber { return text.tokens[tokenIndex].kind == .number }
        return Self.token(tokenIndex, of: ids, matchesWord: rule.word, stem: rule.stem)
    }

    /// The word of a `#` rule: no interned word has a negative id.
    private static let anyNumber: Int32 = -2

    /// Whether token `tokenIndex` is the interned `word`, or an inflected form of `stem` (−1: none).
    @inline(__always)
    private static func token(_ tokenIndex: Int, of ids: TokenIDs, matchesWord word: Int32, stem: Int32) -> Bool {
        let tokenWord = ids.words[tokenIndex], tokenStem = ids.stems[tokenIndex]
        return tokenWord == word || (stem >= 0 && tokenStem == stem && isInflected(word: tokenWord, stem: tokenStem))
    }

    /// Whether `word` starts with the bytes of prefix number `prefix`.
    private func hasPrefix(_ word: String, _ prefix: Int) -> Bool {
        var word = word
        return word.withUTF8 { $0.starts(with: prefixBytes[Int(prefixStarts[prefix])..<Int(prefixStarts[prefix + 1])]) }
    }

    /// The token range of sequence `entry` matching with its anchor word at word `anchorPosition`, if it does.
    private func sequenceMatch(_ entry: Entry, anchoredAt anchorPosition: Int, ids: TokenIDs, text: AnalyzedText) -> Range<Int>? {
        let position = anchorPosition - entry.leftAnchor
        guard position >= 0, sideMatches(start: entry.start, count: entry.left, at: position, ids: ids, text: text) else { return nil }
        return ids.wordTokens[position]..<(ids.wordTokens[position + entry.left - 1] + 1)
    }

    /// The token ranges of NEAR `entry` matching with the anchor word of the side it is indexed by
    /// at word `anchorPosition`: one per occurrence of the other side within the distance.
    private func nearMatches(_ entry: Entry, anchoredAt anchorPosition: Int, ids: TokenIDs, text: AnalyzedText) -> [Range<Int>] {
        let left = Side(start: entry.start, count: entry.left, anchor: entry.leftAnchor)
        let right = Side(start: entry.start + entry.left, count: entry.right, anchor: entry.rightAnchor)
        return entry.isAnchoredRight
            ? near(anchor: right, other: left, distance: entry.distance, at: anchorPosition, ids: ids, text: text)
            : near(anchor: left, other: right, distance: entry.distance, at: anchorPosition, ids: ids, text: text)
    }

    /// One side of a NEAR term: its word rules and the offset of its anchor word.
    private struct Side {
        var start: Int
        var count: Int
        var anchor: Int
    }

    /// The ranges of `anchor` matching with its anchor word at `anchorPosition` together with each
    /// match of `other` within `distance` words of it in the same sentence.
    private func near(anchor: Side, other: Side, distance: Int, at anchorPosition: Int, ids: TokenIDs, text: AnalyzedText) -> [Range<Int>] {
        let words = ids.wordTokens
        let position = anchorPosition - anchor.anchor
        guard position >= 0, sideMatches(start: anchor.start, count: anchor.count, at: position, ids: ids, text: text),
            let sentence = text.sentences.first(where: { $0.tokenRange.contains(words[position]) })?.tokenRange
        else { return [] }
        var ranges: [Range<Int>] = []
        let low = max(0, position - distance - other.count + 1)
        let high = min(words.count - 1, position + anchor.count - 1 + distance)
        // Most positions in the window fail on the other side's first word: that is tested first.
        let otherFirst = wordRules[other.start]
        for start in low...max(low, high) where mayMatch(otherFirst, token: words[start], ids: ids, text: text)
            && start + other.count <= words.count
            && (start + other.count <= position || start >= position + anchor.count)
            && sentence.contains(words[start])
            && sideMatches(start: other.start, count: other.count, at: start, ids: ids, text: text)
        {
            let first = min(start, position)
            let last = max(start + other.count, position + anchor.count) - 1
            ranges.append(words[first]..<(words[last] + 1))
        }
        return ranges
    }

    /// Whether a token matches term words by its stem: only when it is an inflected form (its stem
    /// differs from it — "refunds", "refunded" match "refund"). A token that is its own stem is a
    /// base form and matches by its word only: Snowball also strips derivations ("helpful" → "help",
    /// "range" → "rang"), and "help" or "rang" is not a mention of "helpful" or "range".
    @inline(__always)
    private static func isInflected(word: Int32, stem: Int32) -> Bool { stem >= 0 && stem != word }

    /// Short stems collide with function words (Danish "vare" and "var" share "var"): only stems
    /// of `CompiledSentimentLexicon.minimumStemLength` or more letters match.
    static func stemUsable(_ stem: String) -> Bool {
        stem.count >= CompiledSentimentLexicon.minimumStemLength
    }
}
