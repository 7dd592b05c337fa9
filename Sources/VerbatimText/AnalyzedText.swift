/// A comment after the text layer: tokens, sentences and clauses, language, and per word its stem
/// and (Danish) compound parts. The input of the analysis stages.
public struct AnalyzedText: Hashable, Sendable {
    /// The comment as given.
    public var text: String
    public var tokens: [Token]
    public var sentences: [Sentence]
    public var language: LanguageGuess
    /// Per token: the Snowball stem of a word in the comment's language, nil for other tokens.
    public var stems: [String?]
    /// Per token: the compound split of a Danish word, nil when it is not a compound.
    public var compounds: [CompoundSplit?]

    public init(
        text: String, tokens: [Token], sentences: [Sentence], language: LanguageGuess, stems: [String?],
        compounds: [CompoundSplit?]
    ) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.language = language
        self.stems = stems
        self.compounds = compounds
    }

    /// The quantities among the tokens ("3 days", "299 kr", "4 out of 5"), found when asked: only
    /// `explain` shows them, and a batch run does not pay for them.
    public var quantities: [Quantity] { QuantityDetector().quantities(in: tokens) }
}
