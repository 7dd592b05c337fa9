/// A sentence of a comment, as the reader sees it, with its clauses.
public struct Sentence: Hashable, Sendable {
    /// Unicode scalar offsets into the original text, from its first token to its last.
    public var range: Range<Int>
    /// Indices into the comment's token array.
    public var tokenRange: Range<Int>
    /// The clauses, in order; together they hold every token of the sentence.
    public var clauses: [Clause]

    public init(range: Range<Int>, tokenRange: Range<Int>, clauses: [Clause]) {
        self.range = range
        self.tokenRange = tokenRange
        self.clauses = clauses
    }
}

/// A clause: the unit that sentiment is read from ("the delivery was fast" | "but the driver was
/// rude"). Clauses split at contrast connectives and at clause punctuation (`,` `;` `:` and a
/// spaced dash); downstream stages may join clauses opened by a comma again when they want
/// coarser units.
public struct Clause: Hashable, Sendable {
    /// Unicode scalar offsets into the original text.
    public var range: Range<Int>
    /// Indices into the comment's token array.
    public var tokenRange: Range<Int>
    /// What opened this clause.
    public var opener: ClauseOpener
    /// The token that opened it: the connective ("but", "men") or the punctuation mark before it.
    public var openerToken: Int?

    public init(range: Range<Int>, tokenRange: Range<Int>, opener: ClauseOpener, openerToken: Int?) {
        self.range = range
        self.tokenRange = tokenRange
        self.opener = opener
        self.openerToken = openerToken
    }
}

/// How a clause begins.
public enum ClauseOpener: String, Hashable, Sendable, Codable {
    /// The first clause of a sentence that does not start with a connective.
    case sentenceStart = "sentence_start"
    /// After `,` `;` `:` or a spaced dash.
    case punctuation
    /// With a contrast or concession connective ("but", "however", "men", "selvom"), which may
    /// also open a sentence ("But the app crashed.").
    case connective
}
