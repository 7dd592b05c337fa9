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
    public let compoundVocabulary: [String]
    public let clauseRules: [Language: ClauseRules]
    /// Problems found while loading; errors among them should stop a run.
    public let diagnostics: [Diagnostic]

    public init(_ stack: LexiconStack) throws(TextError) {
        let tokenizer = try Tokenizer()
        var compiled: [Language: CompiledSentimentLexicon] = [:]
        var rules: [Language: ClauseRules] = [:]
        var diagnostics = stack.diagnostics
        var stemmers: [Language: Stemmer] = [:]
        for (language, lexicon) in stack.languages {
            let stemmer = try Stemmer(language: language)
            stemmers[language] = stemmer
            let lexiconCompiled = CompiledSentimentLexicon(lexicon, tokenizer: tokenizer, stemmer: stemmer, stemLookup: lexicon.settings.stemLookup > 0)
            compiled[language] = lexiconCompiled
            for entry in lexiconCompiled.unmatchable {
                diagnostics.append(Diagnostic(severity: .warning, code: "never-matches", message: "'\(entry.term)' normalises to no token and can never match", file: entry.origin.file, line: entry.origin.line))
            }
            var clauseRules = ClauseRules.defaults(for: language)
            let connectives = lexicon.modifiers.filter { ($0.kind == .contrast || $0.kind == .concession) && !$0.term.contains(" ") }
            if !connectives.isEmpty { clauseRules.connectives = Set(connectives.map { $0.term.lowercased() }) }
            rules[language] = clauseRules
        }
        scorer = SentimentScorer(lexicons: compiled)
        themes = ThemeTagger(stack.themes, stemmers: stemmers)
        touchpoints = TouchpointResolver(stack.touchpoints, stemmers: stemmers)
        flags = FlagEvaluator(stack.flags, stemmers: stemmers)
        compoundVocabulary = stack.text.danishCompoundParts
        clauseRules = rules
        self.diagnostics = diagnostics
    }
}
