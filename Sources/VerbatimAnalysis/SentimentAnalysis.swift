import VerbatimLexicon
import VerbatimText

/// The sentiment of one comment, with every decision that led to it.
public struct SentimentAnalysis: Hashable, Sendable {
    /// −1 … +1.
    public var score: Double
    public var label: SentimentLabel
    /// Per clause, in order (for theme sentiment and `explain`).
    public var clauses: [ClauseSentiment]
    /// Per sentiment-bearing token or phrase, what it contributed and why.
    public var contributions: [Contribution]
    /// Points added for "!" and repeated "?" (in the direction of the total).
    public var exclamationEmphasis: Double

    public init(score: Double, label: SentimentLabel, clauses: [ClauseSentiment], contributions: [Contribution], exclamationEmphasis: Double) {
        self.score = score
        self.label = label
        self.clauses = clauses
        self.contributions = contributions
        self.exclamationEmphasis = exclamationEmphasis
    }
}

/// The four labels of the result row.
public enum SentimentLabel: String, Hashable, Sendable, Codable, CaseIterable {
    case positive, negative, neutral, mixed
}

/// One clause's sentiment.
public struct ClauseSentiment: Hashable, Sendable {
    /// Code-point offsets and token indices, as in `Clause`.
    public var range: Range<Int>
    public var tokenRange: Range<Int>
    /// Sum of its contributions before weighting.
    public var sum: Double
    /// Contrast / concession weight applied to it.
    public var weight: Double
    /// Its own normalised score (−1 … +1), unweighted: what a theme mentioned in it feels.
    public var score: Double
}

/// What one word or phrase contributed.
public struct Contribution: Hashable, Sendable {
    /// Token indices it covers (more than one for a phrase).
    public var tokenRange: Range<Int>
    /// The lexicon entry it matched and how.
    public var entry: SentimentEntry
    public var match: CompiledSentimentLexicon.Match
    /// The entry's valence, then after every rule.
    public var base: Double
    public var valence: Double
    /// The rules that changed it, in the order applied.
    public var rules: [AppliedRule]
}

/// A scorer rule that changed a contribution, with the modifier entry that caused it.
public struct AppliedRule: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case booster, dampener, negation, negationAfter = "negation_after", clauseNegation = "clause_negation"
        case caps, elongation
    }

    public var kind: Kind
    /// The modifier's token index, when a word caused it.
    public var tokenIndex: Int?
    public var modifier: Modifier?
    /// The valence after this rule.
    public var valence: Double
}
