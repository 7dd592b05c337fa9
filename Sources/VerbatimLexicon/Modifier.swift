/// A word or phrase that changes the sentiment around it rather than carrying its own
/// (`modifiers.tsv`: term, kind, value).
public struct Modifier: Hashable, Sendable {
    public var term: String
    public var kind: ModifierKind
    /// What the kind does with it: see `ModifierKind`.
    public var value: Double
    /// For negators: how many words after it they reach, when not the language's
    /// `negation_window` ("no" reaches two: "no real problems", not "no cheque :(").
    public var window: Int?
    public var origin: EntryOrigin

    public init(term: String, kind: ModifierKind, value: Double, window: Int? = nil, origin: EntryOrigin) {
        self.term = term
        self.kind = kind
        self.value = value
        self.window = window
        self.origin = origin
    }
}

/// The kinds of modifier, each a named rule of the scorer.
public enum ModifierKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// Multiplies the valence of sentiment words within `negation_window` words after it,
    /// inside its clause ("not good": value −0.74).
    case negator
    /// Like `negator`, but to the end of its clause ("hverken god eller billig").
    case clauseNegator = "clause_negator"
    /// Adds `value` to the size of the sentiment word after it ("very": 0.293), fading with
    /// distance (up to three words back).
    case booster
    /// Like `booster` with a negative value ("a bit": −0.293).
    case dampener
    /// Opens a clause that outweighs what came before it ("but": the clause × value, earlier
    /// clauses since the last contrast × `contrast_before_weight`).
    case contrast
    /// Opens a clause that weighs less than the rest ("although": the clause × value).
    case concession

    /// The one-line description `lexicon check` and the README give.
    public var summary: String {
        switch self {
        case .negator: "flips the next words within the negation window"
        case .clauseNegator: "flips every sentiment word to the end of the clause"
        case .booster: "strengthens the next sentiment word by value"
        case .dampener: "weakens the next sentiment word by value (negative)"
        case .contrast: "weights the clause it opens by value and earlier clauses by contrast_before_weight"
        case .concession: "weights the clause it opens by value"
        }
    }
}
