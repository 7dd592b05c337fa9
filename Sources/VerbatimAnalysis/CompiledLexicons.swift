import VerbatimLexicon
import VerbatimText

/// Everything compiled from a lexicon stack, once, and shared by every worker: the sentiment
/// scorer, the compound vocabulary and the clause rules (contrast and concession words of
/// `modifiers.tsv` become clause connectives).
public struct CompiledLexicons: Sendable {
    public let scorer: SentimentScorer
    public let themes: ThemeTagger
    public let touchpoints: TouchpointResolver
    public let flags: FlagEvaluator
    /// Every word form the components match on, interned once: a comment's tokens are looked up
    /// here once (`ids(of:)`) and the components compare ids.
    public let vocabulary: InternTable
    public let compoundVocabulary: [String]
    public let clauseRules: [Language: ClauseRules]
    /// Problems found while loading; errors among them should stop a run.
    public let diagnostics: [Diagnostic]
    /// What these were compiled from, to load a private copy.
    private let source: LexiconStack

    public init(_ stack: LexiconStack) throws(TextError) {
        let tokenizer = try Tokenizer()
        var compiled: [Language: CompiledSentimentLexicon] = [:]
        var rules: [Language: ClauseRules] = [:]
        var diagnostics = stack.diagnostics
        var stemmers: [Language: Stemmer] = [:]
        var vocabulary = InternTable()
        for (language, lexicon) in stack.languages.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let stemmer = try Stemmer(language: language)
            stemmers[language] = stemmer
            let lexiconCompiled = CompiledSentimentLexicon(lexicon, tokenizer: tokenizer, stemmer: stemmer, stemLookup: lexicon.settings.stemLookup > 0, vocabulary: &vocabulary)
            compiled[language] = lexiconCompiled
            for entry in lexiconCompiled.unmatchable {
                diagnostics.append(Diagnostic(severity: .warning, code: "never-matches", message: "'\(entry.term)' normalises to no token and can never match", file: entry.origin.file, line: entry.origin.line))
            }
            var clauseRules = ClauseRules.defaults(for: language)
            let connectives = lexicon.modifiers.filter { ($0.kind == .contrast || $0.kind == .concession) && !$0.term.contains(" ") }
            if !connectives.isEmpty { clauseRules.connectives = Set(connectives.map { $0.term.lowercased() }) }
            rules[language] = clauseRules
        }
        themes = ThemeTagger(stack.themes, stemmers: stemmers, vocabulary: &vocabulary)
        touchpoints = TouchpointResolver(stack.touchpoints, stemmers: stemmers, vocabulary: &vocabulary)
        flags = FlagEvaluator(stack.flags, stemmers: stemmers, vocabulary: &vocabulary)
        self.vocabulary = vocabulary
        scorer = SentimentScorer(lexicons: compiled, vocabulary: vocabulary)
        compoundVocabulary = stack.text.danishCompoundParts
        clauseRules = rules
        self.diagnostics = diagnostics
        source = stack
    }

    /// The same lexicons read and compiled again, sharing no storage with this copy; nil when
    /// the files no longer read the same (edited since), or the stack was changed after loading.
    /// A batch gives each worker thread a copy of its own: with storage shared, two cores keep
    /// taking the cache lines of its reference counts from each other. Compiling again from the
    /// same parsed stack is not enough: compiled entries, rules and origins share its strings.
    public func privateCopy() -> CompiledLexicons? {
        guard let digest = source.filesDigest,
              let reread = try? LexiconStack(layers: source.layers), reread.filesDigest == digest
        else { return nil }
        return try? CompiledLexicons(reread)
    }

    /// The tokens of `text` as vocabulary ids, for the components compiled here.
    public func ids(of text: AnalyzedText) -> TokenIDs {
        TokenIDs(text, in: vocabulary)
    }
}
