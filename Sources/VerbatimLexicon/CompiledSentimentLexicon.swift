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
    private let words: [String: SentimentEntry]
    private let stems: [String: SentimentEntry]
    /// `*` entries by their first three letters, longest prefix first.
    private let prefixes: [String: [(prefix: String, entry: SentimentEntry)]]
    private let modifiers: [String: Modifier]
    public let phrases: PhraseTrie<PhraseValue>
    /// Terms that normalise to nothing (only spaces or control characters): never matched.
    public let unmatchable: [SentimentEntry]

    /// Compiles `lexicon`; `stemmer` (same language) enables stem lookup when the language's
    /// settings ask for it.
    public init(_ lexicon: LanguageLexicon, tokenizer: Tokenizer, stemmer: Stemmer?, stemLookup: Bool) {
        language = lexicon.language
        settings = lexicon.settings
        var words: [String: SentimentEntry] = [:]
        var stems: [String: SentimentEntry] = [:]
        var prefixes: [String: [(prefix: String, entry: SentimentEntry)]] = [:]
        var phrases = PhraseTrie<PhraseValue>()
        var unmatchable: [SentimentEntry] = []
        for entry in lexicon.entries {
            if entry.isPrefix {
                let normalized = tokenizer.tokenize(String(entry.term.dropLast())).map(\.normalized).joined()
                if normalized.count >= 3 {
                    prefixes[String(normalized.prefix(3)), default: []].removeAll { $0.prefix == normalized }
                    prefixes[String(normalized.prefix(3)), default: []].append((normalized, entry))
                }
                continue
            }
            let tokens = tokenizer.tokenize(entry.term).map(\.normalized)
            switch tokens.count {
            case 0:
                unmatchable.append(entry)
            case 1:
                words[tokens[0]] = entry
                if stemLookup, let stemmer, tokens[0].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
                    let stem = stemmer.stem(tokens[0])
                    guard stem.count >= Self.minimumStemLength else { break }
                    // Of the entries sharing a stem, the shortest term (closest to the stem) stands for it.
                    if let existing = stems[stem], existing.term.count <= entry.term.count { break }
                    stems[stem] = entry
                }
            default:
                phrases.insert(tokens, .sentiment(entry))
            }
        }
        var modifiers: [String: Modifier] = [:]
        for modifier in lexicon.modifiers {
            let tokens = tokenizer.tokenize(modifier.term).map(\.normalized)
            if tokens.count == 1 {
                modifiers[tokens[0]] = modifier
            } else if tokens.count > 1 {
                phrases.insert(tokens, .modifier(modifier))
            }
        }
        self.words = words
        self.stems = stems
        self.prefixes = prefixes.mapValues { $0.sorted { $0.prefix.count > $1.prefix.count } }
        self.modifiers = modifiers
        self.phrases = phrases
        self.unmatchable = unmatchable
    }

    /// Stem lookup only for words of this many letters with stems of `minimumStemLength`: short
    /// stems collide with function words ("for" would reach "forene").
    static let minimumStemmedWordLength = 5
    static let minimumStemLength = 4

    /// The entry for one normalised word: exact form, then stem, then `*` prefixes, then (Danish)
    /// the compound's head and modifiers.
    public func entry(word: String, stem: String?, compound: CompoundSplit?) -> (entry: SentimentEntry, match: Match)? {
        if let entry = words[word] { return (entry, .exact) }
        if let stem, stem.count >= Self.minimumStemLength, word.count >= Self.minimumStemmedWordLength, let entry = stems[stem] {
            return (entry, .stem)
        }
        if !prefixes.isEmpty, word.unicodeScalars.count >= 3,
            let candidates = prefixes[String(String.UnicodeScalarView(word.unicodeScalars.prefix(3)))],
            let found = candidates.first(where: { word.hasPrefix($0.prefix) })
        {
            return (found.entry, .prefix)
        }
        if let compound {
            if let entry = words[compound.head] { return (entry, .compoundHead) }
            for modifier in compound.modifiers {
                if let entry = words[modifier] { return (entry, .compoundModifier) }
            }
        }
        return nil
    }

    /// The modifier a single normalised word is, if any.
    public func modifier(word: String) -> Modifier? { modifiers[word] }

    /// Number of single-word, prefix and phrase entries compiled.
    /// The longest phrase (sentiment or modifier) of `tokens` starting at `start` and ending by
    /// `end`. Not generic, so that callers in other modules get the trie's specialised walk.
    public func longestPhrase(in tokens: [String], from start: Int, end: Int) -> (length: Int, value: PhraseValue)? {
        phrases.isEmpty ? nil : phrases.longestMatch(in: tokens, from: start, end: end)
    }

    public var entryCount: Int { words.count + prefixes.values.reduce(0) { $0 + $1.count } }
}
