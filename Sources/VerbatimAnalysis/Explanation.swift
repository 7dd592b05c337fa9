import VerbatimText

/// Why a comment got its labels, as data: what `verbatim explain` prints (text or JSON).
/// The JSON shape is documented in README.md and only grows: later stages add sentiment,
/// themes and flags beside the text layer's fields.
public struct Explanation: Codable, Hashable, Sendable {
    public var text: String
    public var language: LanguageInfo
    public var tokens: [TokenInfo]
    public var sentences: [SentenceInfo]
    public var quantities: [QuantityInfo]
    /// Present when the comment was scored (not for the text layer alone).
    public var sentiment: SentimentInfo?
    public var themes: [ThemeInfo]?
    /// Theme mentions found and set aside (a background term, a pattern that yields to another theme).
    public var themesSetAside: [SetAsideInfo]?
    public var touchpoint: TouchpointInfo?
    public var flags: [FlagInfo]?
    public var problems: [String]?

    enum CodingKeys: String, CodingKey {
        case text, language, tokens, sentences, quantities, sentiment, themes, touchpoint, flags, problems
        case themesSetAside = "themes_set_aside"
    }

    public struct LanguageInfo: Codable, Hashable, Sendable {
        public var code: String
        public var confidence: Double
        public var source: String
        public var secondary: String?
        public var evidence: Evidence
        public var cld2: CLD2Info?

        public struct Evidence: Codable, Hashable, Sendable {
            public var danish: Double
            public var english: Double
            public var latinWords: Int
            public var otherScriptWords: Int

            enum CodingKeys: String, CodingKey {
                case danish, english
                case latinWords = "latin_words"
                case otherScriptWords = "other_script_words"
            }
        }

        public struct CLD2Info: Codable, Hashable, Sendable {
            public var codes: [String]
            public var percents: [Int]
            public var reliable: Bool
        }
    }

    public struct TokenInfo: Codable, Hashable, Sendable {
        public var index: Int
        public var kind: TokenKind
        public var text: String
        public var normalized: String
        public var start: Int
        public var end: Int
        public var caseShape: CaseShape
        public var elongated: Bool
        public var stem: String?
        public var compound: [CompoundPartInfo]?

        enum CodingKeys: String, CodingKey {
            case index, kind, text, normalized, start, end, elongated, stem, compound
            case caseShape = "case"
        }
    }

    public struct CompoundPartInfo: Codable, Hashable, Sendable {
        public var text: String
        public var role: CompoundPart.Role
    }

    public struct SentenceInfo: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var text: String
        /// First and one-past-last token index.
        public var tokens: [Int]
        public var clauses: [ClauseInfo]
    }

    public struct ClauseInfo: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var text: String
        public var tokens: [Int]
        public var opener: ClauseOpener
        public var openerText: String?

        enum CodingKeys: String, CodingKey {
            case start, end, text, tokens, opener
            case openerText = "opener_text"
        }
    }

    public struct QuantityInfo: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var text: String
        public var value: Double
        public var unit: QuantityUnit?
        public var outOf: Double?

        enum CodingKeys: String, CodingKey {
            case start, end, text, value, unit
            case outOf = "out_of"
        }
    }
}

extension Explanation {
    /// The explanation of an analysed comment.
    public init(_ analyzed: AnalyzedText) {
        let scalars = Array(analyzed.text.unicodeScalars)
        func slice(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
            return String(view)
        }
        let guess = analyzed.language
        language = LanguageInfo(
            code: guess.language.code, confidence: guess.confidence, source: guess.source.rawValue,
            secondary: guess.secondary?.code,
            evidence: .init(
                danish: guess.evidence.danishPoints, english: guess.evidence.englishPoints,
                latinWords: guess.evidence.latinWords, otherScriptWords: guess.evidence.otherScriptWords),
            cld2: guess.cld2.map { .init(codes: $0.codes, percents: $0.percents, reliable: $0.isReliable) })
        text = analyzed.text
        tokens = analyzed.tokens.enumerated().map { index, token in
            TokenInfo(
                index: index, kind: token.kind, text: token.text, normalized: token.normalized,
                start: token.range.lowerBound, end: token.range.upperBound, caseShape: token.caseShape,
                elongated: token.isElongated, stem: analyzed.stems[index],
                compound: analyzed.compounds[index]?.parts.map { CompoundPartInfo(text: $0.text, role: $0.role) })
        }
        sentences = analyzed.sentences.map { sentence in
            SentenceInfo(
                start: sentence.range.lowerBound, end: sentence.range.upperBound, text: slice(sentence.range),
                tokens: [sentence.tokenRange.lowerBound, sentence.tokenRange.upperBound],
                clauses: sentence.clauses.map { clause in
                    ClauseInfo(
                        start: clause.range.lowerBound, end: clause.range.upperBound, text: slice(clause.range),
                        tokens: [clause.tokenRange.lowerBound, clause.tokenRange.upperBound], opener: clause.opener,
                        openerText: clause.openerToken.map { analyzed.tokens[$0].text })
                })
        }
        quantities = analyzed.quantities.map { quantity in
            QuantityInfo(
                start: quantity.range.lowerBound, end: quantity.range.upperBound, text: slice(quantity.range),
                value: quantity.value, unit: quantity.unit, outOf: quantity.outOf)
        }
    }
}
