/// The language of one comment, with how sure Verbatim is and what it rests on.
public struct LanguageGuess: Hashable, Sendable {
    /// `en`, `da`, or `und` (no letters to go on, another script, or no evidence either way).
    public var language: Language
    /// 0.5–1 for `en`/`da` (how much more likely than the other); 0 for `und`.
    public var confidence: Double
    /// A comment with real evidence for both languages ("Super god service, very fast delivery").
    /// `language` is then the one with more evidence, and `secondary` the other one.
    public var secondary: Language?
    /// Where the answer came from.
    public var source: Source
    /// Verbatim's own word evidence (positive: Danish).
    public var evidence: LanguageEvidence
    /// CLD2's verdict, when it was consulted.
    public var cld2: CLD2Detector.Verdict?

    public enum Source: String, Hashable, Sendable, Codable {
        /// Given by the caller (`--language da`, a language column).
        case given
        /// Identified from the text.
        case detected
    }

    public var isMixed: Bool { secondary != nil }

    /// The languages whose lexicons the comment is read with: its language, then a mixed comment's
    /// other one; an undetermined comment is read with both, English first.
    public var languagesToConsult: [Language] {
        var languages: [Language] = language == .undetermined ? [.english, .danish] : [language]
        if let secondary { languages.append(secondary) }
        return languages
    }

    public init(
        language: Language, confidence: Double, secondary: Language? = nil, source: Source,
        evidence: LanguageEvidence = LanguageEvidence(), cld2: CLD2Detector.Verdict? = nil
    ) {
        self.language = language
        self.confidence = confidence
        self.secondary = secondary
        self.source = source
        self.evidence = evidence
        self.cld2 = cld2
    }
}
