import VerbatimText

/// Analyses comments: the text layer, then sentiment. Holds ICU and Snowball handles through its
/// `TextAnalyzer`: one per worker thread (a batch's workers each with their own
/// `CompiledLexicons.privateCopy`, where one can be made).
public final class Analyzer {
    public let lexicons: CompiledLexicons
    private let text: TextAnalyzer

    public init(_ lexicons: CompiledLexicons) throws(TextError) {
        self.lexicons = lexicons
        text = try TextAnalyzer(compoundVocabulary: lexicons.compoundVocabulary, clauseRules: lexicons.clauseRules)
    }

    /// One comment's analysis. `touchpoint` is the touch-point column's value and `score` the
    /// survey score (NPS, CSAT), when the export has them.
    /// `scoreType`: the survey's score question (flags that name a score group need it; nil: told
    /// from the score where it can be, else NPS).
    public func analyze(
        _ comment: String, language: TextAnalyzer.LanguageChoice = .auto, touchpoint: String? = nil, score: Double? = nil, scoreType: ScoreType? = nil
    ) -> CommentAnalysis {
        let analyzed = text.analyze(comment, language: language)
        let ids = lexicons.ids(of: analyzed)
        let sentiment = lexicons.scorer.score(analyzed, ids: ids)
        let languages = analyzed.language.languagesToConsult
        let (themes, setAside, problems) = lexicons.themes.tag(analyzed, ids: ids, sentiment: sentiment, languages: languages)
        let resolved = lexicons.touchpoints.resolve(column: touchpoint, text: analyzed, ids: ids, languages: languages)
        let flagged = lexicons.flags.evaluate(text: analyzed, ids: ids, themes: themes, sentiment: sentiment, score: score, scoreType: scoreType, touchpoint: resolved.id, languages: languages)
        return CommentAnalysis(
            text: analyzed, sentiment: sentiment, themes: themes, themesSetAside: setAside, touchpoint: resolved, flags: flagged.flags,
            problems: problems + flagged.problems)
    }
}

/// What the analysis stages found in one comment.
public struct CommentAnalysis: Hashable, Sendable {
    public var text: AnalyzedText
    public var sentiment: SentimentAnalysis
    public var themes: [ThemeHit]
    /// Theme mentions set aside by the taxonomy's background and `yields_to` rules.
    public var themesSetAside: [SetAsideMention]
    public var touchpoint: TouchpointResult
    public var flags: [FlagHit]
    /// Problems met while analysing (a pattern that hit its match limit on this comment).
    public var problems: [String]
}
