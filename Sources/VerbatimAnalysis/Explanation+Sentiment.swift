import VerbatimLexicon
import VerbatimText

extension Explanation {
    /// The sentiment part of an explanation: overall, per clause, and per contributing word with
    /// the lexicon entry (file:line) and each rule applied.
    public struct SentimentInfo: Codable, Hashable, Sendable {
        public var score: Double
        public var label: SentimentLabel
        public var exclamationEmphasis: Double
        public var clauses: [ClauseInfo]
        public var contributions: [ContributionInfo]

        enum CodingKeys: String, CodingKey {
            case score, label, clauses, contributions
            case exclamationEmphasis = "exclamation_emphasis"
        }

        public struct ClauseInfo: Codable, Hashable, Sendable {
            public var start: Int
            public var end: Int
            public var sum: Double
            public var weight: Double
            public var score: Double
        }

        public struct ContributionInfo: Codable, Hashable, Sendable {
            public var tokens: [Int]
            public var text: String
            public var term: String
            public var entry: String
            public var match: CompiledSentimentLexicon.Match
            public var base: Double
            public var valence: Double
            public var rules: [RuleInfo]
        }

        public struct RuleInfo: Codable, Hashable, Sendable {
            public var rule: AppliedRule.Kind
            public var by: String?
            public var entry: String?
            public var valence: Double
        }
    }

    /// The explanation of a fully analysed comment.
    public init(_ analysis: CommentAnalysis) {
        self.init(analysis.text)
        let tokens = analysis.text.tokens
        let sentiment = analysis.sentiment
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        self.sentiment = SentimentInfo(
            score: sentiment.score, label: sentiment.label, exclamationEmphasis: rounded(sentiment.exclamationEmphasis),
            clauses: sentiment.clauses.map {
                .init(start: $0.range.lowerBound, end: $0.range.upperBound, sum: rounded($0.sum), weight: $0.weight, score: rounded($0.score))
            },
            contributions: sentiment.contributions.map { contribution in
                .init(
                    tokens: [contribution.tokenRange.lowerBound, contribution.tokenRange.upperBound],
                    text: tokens[contribution.tokenRange].map(\.text).joined(separator: " "), term: contribution.entry.term,
                    entry: contribution.entry.origin.description, match: contribution.match, base: contribution.base,
                    valence: rounded(contribution.valence),
                    rules: contribution.rules.map { rule in
                        .init(rule: rule.kind, by: rule.tokenIndex.map { tokens[$0].text }, entry: rule.modifier?.origin.description, valence: rounded(rule.valence))
                    })
            })
        addThemes(analysis)
    }
}
