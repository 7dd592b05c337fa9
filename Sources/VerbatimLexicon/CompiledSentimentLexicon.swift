import VerbatimText

/// One language's lexicon compiled for lookup: terms pass through the same tokenizer and
/// normalisation as comments, so entries and text meet in one form. Immutable and shared by all
/// workers: a final class with constant tables, so that handing it around (per clause, per
/// lexicon consulted) costs one reference count instead of a copy of every table.
public final class CompiledSentimentLexicon: Sendable {
    /// How a word found its entry (shown by `explain`).
    public enum Match: String, Hashable, Sendable, Codable {
        case exact, stem, prefix, compoundHead = "compound_head", compoundModifier = "compound_modifier", phrase
        /// A negator that negates nothing, valued by the `bare_negation_valence` setting.
        case bareNegation = "bare_negation"
    }

    /// A phrase's meaning: its own valence, or a modifier such as "a bit".
    public enum PhraseValue: Sendable {
        case sentiment(SentimentEntry)
        case modifier(Modifier)
    }

    public let language: Language
    public let settings: SentimentSettings
    /// The shared vocabulary as it stood when this lexicon was compiled: every word, stem and
    /// phrase word of it has an id there (for lookups by string; comments come with ids).
    private let vocabulary: InternTable
    private let entries: [SentimentEntry]
    /// Entry (index into `entries`, −1 none) by word id, and by stem id.
    private let entryByWord: [Int32]
    private let entryByStem: [Int32]
    /// `*` entries by the dense number of their first three scalars' key (`TokenIDs.prefixKey`),
    /// longest prefix first. Prefixes are NFKC UTF-8 bytes, compared byte by byte with a token's
    /// normal form as the term index does: no Unicode-aware string comparison per token.
    private let prefixKeys: PrefixKeyTable
    private let prefixLists: [[(prefix: [UInt8], entry: SentimentEntry)]]
    private let modifiers: [Modifier]
    /// Modifier (index into `modifiers`, −1 none) by word id.
    private let modifierByWord: [Int32]
    public let phrases: PhraseTrie<PhraseValue>
    /// Terms that normalise to nothing (only spaces or control characters): never matched.
    public let unmatchable: [SentimentEntry]

    /// Compiles `lexicon`, interning its words in `vocabulary`; `stemmer` (same language) enables
    /// stem lookup when the language's settings ask for it.
    public init(_ lexicon: LanguageLexicon, tokenizer: Tokenizer, stemmer: Stemmer?, stemLookup: Bool, vocabulary: inout InternTable) {
        language = lexicon.language
        settings = lexicon.settings
        var entries: [SentimentEntry] = []
        var byWord: [Int32: Int32] = [:]
        var byStem: [Int32: Int32] = [:]
        var prefixKeys = PrefixKeyTable()
        var prefixLists: [[(prefix: String, entry: SentimentEntry)]] = []
        var phrases = PhraseTrie<PhraseValue>()
        var unmatchable: [SentimentEntry] = []
        for entry in lexicon.entries {
            if entry.isPrefix {
                let normalized = tokenizer.tokenize(String(entry.term.dropLast())).map(\.normalized).joined()
                if normalized.unicodeScalars.count >= 3 {
                    let number = prefixKeys.number(adding: TokenIDs.prefixKey(normalized))
                    if number == prefixLists.count { prefixLists.append([]) }
                    prefixLists[number].removeAll { $0.prefix == normalized }
                    prefixLists[number].append((normalized, entry))
                }
                continue
            }
            let tokens = tokenizer.tokenize(entry.term).map(\.normalized)
            switch tokens.count {
            case 0:
                unmatchable.append(entry)
            case 1:
                entries.append(entry)
                let number = Int32(entries.count - 1)
                byWord[vocabulary.intern(tokens[0])] = number
                if stemLookup, let stemmer, tokens[0].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
                    let stem = stemmer.stem(tokens[0])
                    guard stem.count >= Self.minimumStemLength else { break }
                    let stemID = vocabulary.intern(stem)
                    // Of the entries sharing a stem, the shortest term (closest to the stem) stands for it.
                    if let existing = byStem[stemID], entries[Int(existing)].term.count <= entry.term.count { break }
                    byStem[stemID] = number
                }
            default:
                phrases.insert(tokens.map { vocabulary.intern($0) }, .sentiment(entry))
            }
        }
        var modifiers: [Modifier] = []
        var modifierByWord: [Int32: Int32] = [:]
        for modifier in lexicon.modifiers {
            let tokens = tokenizer.tokenize(modifier.term).map(\.normalized)
            if tokens.count == 1 {
                modifiers.append(modifier)
                modifierByWord[vocabulary.intern(tokens[0])] = Int32(modifiers.count - 1)
            } else if tokens.count > 1 {
                phrases.insert(tokens.map { vocabulary.intern($0) }, .modifier(modifier))
            }
        }
        func table(_ byID: [Int32: Int32]) -> [Int32] {
            var table = [Int32](repeating: -1, count: vocabulary.count)
            for (id, number) in byID { table[Int(id)] = number }
            return table
        }
        self.vocabulary = vocabulary
        self.entries = entries
        entryByWord = table(byWord)
        entryByStem = table(byStem)
        self.prefixKeys = prefixKeys
        self.prefixLists = prefixLists.map { list in list.sorted { $0.prefix.count > $1.prefix.count }.map { (Array($0.prefix.utf8), $0.entry) } }
        self.modifiers = modifiers
        self.modifierByWord = table(modifierByWord)
        self.phrases = phrases
        self.unmatchable = unmatchable
    }

    /// Stem lookup only for words of this many letters with stems of `minimumStemLength`: short
    /// stems collide with function words ("for" would reach "forene").
    static let minimumStemmedWordLength = 5
    static let minimumStemLength = 4

    /// The entry for token `index` of a comment (`ids`: its vocabulary ids): exact form, then stem
    /// (`useStem`), then `*` prefixes, then (Danish) the compound's head and modifiers.
    public func entry(at index: Int, of text: AnalyzedText, ids: TokenIDs, useStem: Bool) -> (entry: SentimentEntry, match: Match)? {
        if let number = Self.lookup(ids.words[index], in: entryByWord) { return (entries[number], .exact) }
        let word = text.tokens[index].normalized
        if useStem, let number = Self.lookup(ids.stems[index], in: entryByStem), word.count >= Self.minimumStemmedWordLength {
            return (entries[number], .stem)
        }
        if let found = prefixEntry(of: word, prefixKey: ids.prefixKeys[index]) { return (found, .prefix) }
        // A compound's parts by their ids: the head (the last part), then the modifiers in order.
        let parts = ids.compoundParts(of: index)
        guard let head = parts.last else { return nil }
        if let number = Self.lookup(ids.compoundPartIDs[head], in: entryByWord) { return (entries[number], .compoundHead) }
        for part in parts.dropLast() {
            if let number = Self.lookup(ids.compoundPartIDs[part], in: entryByWord) { return (entries[number], .compoundModifier) }
        }
        return nil
    }

    /// The entry for one normalised word, looked up by string (`explain`, elongated words, tests).
    public func entry(word: String, stem: String?, compound: CompoundSplit?) -> (entry: SentimentEntry, match: Match)? {
        if let number = Self.lookup(vocabulary.id(of: word) ?? -1, in: entryByWord) { return (entries[number], .exact) }
        if let stem, let number = Self.lookup(vocabulary.id(of: stem) ?? -1, in: entryByStem), word.count >= Self.minimumStemmedWordLength {
            return (entries[number], .stem)
        }
        if let found = prefixEntry(of: word, prefixKey: TokenIDs.prefixKey(word)) { return (found, .prefix) }
        if let compound {
            if let number = Self.lookup(vocabulary.id(of: compound.head) ?? -1, in: entryByWord) { return (entries[number], .compoundHead) }
            for modifier in compound.modifiers {
                if let number = Self.lookup(vocabulary.id(of: modifier) ?? -1, in: entryByWord) { return (entries[number], .compoundModifier) }
            }
        }
        return nil
    }

    /// The entry of the longest `*` prefix that `word` (a normal form, with key `prefixKey`) starts with.
    private func prefixEntry(of word: String, prefixKey: UInt64) -> SentimentEntry? {
        guard prefixKey != 0, let number = prefixKeys.number(of: prefixKey) else { return nil }
        var word = word
        return word.withUTF8 { bytes in
            prefixLists[number].first { bytes.starts(with: $0.prefix) }?.entry
        }
    }

    /// The modifier word id `id` is, if any.
    public func modifier(id: Int32) -> Modifier? {
        Self.lookup(id, in: modifierByWord).map { modifiers[$0] }
    }

    /// The modifier a single normalised word is, if any.
    public func modifier(word: String) -> Modifier? { modifier(id: vocabulary.id(of: word) ?? -1) }

    /// The longest phrase (sentiment or modifier) of the word ids `words` starting at `start` and
    /// ending by `end`. Not generic, so that callers in other modules get the trie's specialised walk.
    public func longestPhrase(in words: [Int32], from start: Int, end: Int) -> (length: Int, value: PhraseValue)? {
        phrases.isEmpty ? nil : phrases.longestMatch(in: words, from: start, end: end)
    }

    /// The longest phrase of normalised words (tests, `explain`).
    public func longestPhrase(in words: [String], from start: Int, end: Int) -> (length: Int, value: PhraseValue)? {
        longestPhrase(in: words.map { vocabulary.id(of: $0) ?? -1 }, from: start, end: end)
    }

    /// The table's value for `id`, when the id is in range and set.
    private static func lookup(_ id: Int32, in table: [Int32]) -> Int? {
        guard id >= 0, Int(id) < table.count else { return nil }
        let number = table[Int(id)]
        return number >= 0 ? Int(number) : nil
    }
}
