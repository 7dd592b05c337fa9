/// The text layer as one pipeline: tokenizer → language identification → sentence and clause
/// segmentation → stems and Danish compound parts (quantities are found on demand: `AnalyzedText.quantities`).
///
/// Holds ICU and Snowball handles: create one per worker thread and reuse it for every comment.
public final class TextAnalyzer {
    /// How the language of a comment is decided.
    public enum LanguageChoice: Hashable, Sendable {
        /// Identify each comment (`--language auto`).
        case auto
        /// Every comment is in this language (`--language da`, or a language column's value).
        case given(Language)
    }

    private let tokenizer: Tokenizer
    private let sentenceSegmenter: SentenceSegmenter
    private let identifier: LanguageIdentifier
    private let englishStemmer: Stemmer
    private let danishStemmer: Stemmer
    private let compoundSplitter: DanishCompoundSplitter
    private let clauseRules: [Language: ClauseRules]
    /// Stems and compound splits seen by this analyser: survey vocabularies are small and
    /// repetitive, and a lookup costs less than Snowball or the splitter. Bounded. One stem table
    /// per language (a table keyed by language cost more to consult than the stem lookup itself).
    private var englishStems = WordCache<String>(limit: cacheLimit)
    private var danishStems = WordCache<String>(limit: cacheLimit)
    private var compoundCache = WordCache<CompoundSplit?>(limit: cacheLimit)
    private static let cacheLimit = 100_000

    /// - Parameters:
    ///   - compoundVocabulary: Danish compound parts (`lexicons/da/compound-parts.txt`); empty
    ///     disables compound splitting.
    ///   - clauseRules: per-language clause rules; missing languages get the built-in defaults.
    public init(
        compoundVocabulary: some Sequence<String> = [String](), clauseRules: [Language: ClauseRules] = [:],
        identifier: LanguageIdentifier = LanguageIdentifier()
    ) throws(TextError) {
        tokenizer = try Tokenizer()
        sentenceSegmenter = try SentenceSegmenter()
        englishStemmer = try Stemmer(language: .english)
        danishStemmer = try Stemmer(language: .danish)
        compoundSplitter = DanishCompoundSplitter(vocabulary: compoundVocabulary)
        self.identifier = identifier
        var rules: [Language: ClauseRules] = [:]
        for language in Language.allCases { rules[language] = clauseRules[language] ?? .defaults(for: language) }
        self.clauseRules = rules
    }

    public func analyze(_ text: String, language choice: LanguageChoice = .auto) -> AnalyzedText {
        let utf16 = UTF16Text(text)
        let tokens = tokenizer.tokenize(utf16)
        let language: LanguageGuess
        switch choice {
        case .auto: language = identifier.identify(text, tokens: tokens)
        case .given(let given): language = LanguageGuess(language: given, confidence: 1, source: .given)
        }
        let rules = clauseRules[language.language] ?? .defaults(for: language.language)
        let sentences = sentenceSegmenter.sentences(of: utf16, tokens: tokens, rules: rules)
        var stems = [String?](repeating: nil, count: tokens.count)
        var compounds = [CompoundSplit?](repeating: nil, count: tokens.count)
        for index in tokens.indices where tokens[index].kind == .word {  // read in place: a copy retains two strings
            stems[index] = stem(tokens[index].normalized, language: language.language)
            if language.language == .danish { compounds[index] = compound(tokens[index].normalized) }
        }
        return AnalyzedText(
            text: text, tokens: tokens, sentences: sentences, language: language,
            stems: stems, compounds: compounds)
    }

    private func stem(_ word: String, language: Language) -> String? {
        switch language {
        case .english: englishStems.value(of: word) { englishStemmer.stem($0) }
        case .danish: danishStems.value(of: word) { danishStemmer.stem($0) }
        case .undetermined: nil
        }
    }

    private func compound(_ word: String) -> CompoundSplit? {
        compoundCache.value(of: word) { compoundSplitter.split($0) }
    }
}
