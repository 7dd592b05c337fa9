/// The scorer's tuned constants, per language (`settings.tsv`: name, value). Defaults follow
/// VADER's published constants where it has one; every value is documented in lexicons/README.md.
public struct SentimentSettings: Hashable, Sendable {
    /// Words after a `negator` that it reaches.
    public var negationWindow = 3.0
    /// Added to the size of an ALL-CAPS sentiment word in a comment that is not all caps.
    public var capsBoost = 0.733
    /// Added to the size of an elongated word ("sooo good").
    public var elongationBoost = 0.3
    /// Added to the size of the comment's total per "!" (up to `exclamationMax`).
    public var exclamationStep = 0.292
    public var exclamationMax = 4.0
    /// Two or more "?" add `questionStep` each (up to `questionMax` marks), more add `questionCap`.
    public var questionStep = 0.18
    public var questionMax = 3.0
    public var questionCap = 0.96
    /// Weight of clauses before a `contrast` clause.
    public var contrastBeforeWeight = 0.5
    /// Booster effect by distance: 1 word back × 1, 2 back × this, 3 back × this².
    public var boosterDecay = 0.95
    /// Normalisation: score = sum / √(sum² + alpha), into (−1, 1).
    public var normalizationAlpha = 15.0
    /// A clause this strong each way (normalised) makes the comment `mixed`.
    public var mixedClauseThreshold = 0.35
    /// Valence of a negator that negates nothing and has no valence of its own: a negated
    /// factual statement in a survey answer is a complaint ("Pakken er ikke kommet", "I haven't
    /// received my refund"). 0 turns the rule off.
    public var bareNegationValence = 0.0
    /// Scores above this are positive, below its negative are negative.
    public var neutralBand = 0.05
    /// 1: words missing from the lexicon are looked up by their Snowball stem (Danish); 0: not
    /// (English, where stems merge words of different polarity: "likely" → "like").
    public var stemLookup = 0.0
    /// Words before a negator that it negates when nothing after it carries sentiment
    /// ("anbefales ikke"); 0 turns the rule off.
    public var negationAfter = 0.0

    public init() {}

    /// Settings by their file names, for parsing and documentation.
    public static var names: [String: WritableKeyPath<SentimentSettings, Double>] { [
        "negation_window": \.negationWindow, "caps_boost": \.capsBoost, "elongation_boost": \.elongationBoost,
        "exclamation_step": \.exclamationStep, "exclamation_max": \.exclamationMax,
        "question_step": \.questionStep, "question_max": \.questionMax, "question_cap": \.questionCap,
        "contrast_before_weight": \.contrastBeforeWeight, "booster_decay": \.boosterDecay,
        "normalization_alpha": \.normalizationAlpha, "mixed_clause_threshold": \.mixedClauseThreshold,
        "neutral_band": \.neutralBand, "bare_negation_valence": \.bareNegationValence, "stem_lookup": \.stemLookup, "negation_after": \.negationAfter,
    ] }
}
