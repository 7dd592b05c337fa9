import VerbatimText

/// Analyses comments: the text layer, then sentiment. Holds ICU and Snowball handles through its
/// `TextAnalyzer`: one per worker thread, all sharing one `CompiledLexicons`.
public final class Analyzer {
    public let lexicons: CompiledLexicons
    private let text: TextAnalyzer

    public init(_ lexicons: CompiledLexicons) throws(TextError) {
        self.lexicons = lexicons
        text = try TextAnalyzer(compoundVocabulary: lexicons.compoundVocabulary, clauseRules: lexicons.clauseRules)
    }

    /// One comment's analysis.
    public func analyze(_ comment: String, language: TextAnalyzer.LanguageChoice = .auto) -> CommentAnalysis {
        let analyzed = text.analyze(comment, language: language)
        return CommentAnalysis(text: analyzed, sentiment: lexicons.scorer.score(analyzed))
    }
}

/// What the analysis stages found in one comment.
public struct CommentAnalysis: Hashable, Sendable {
    public var text: AnalyzedText
    public var sentiment: SentimentAnalysis
}
