/// A sentiment lexicon entry: a word, a `*` prefix pattern or a phrase, with its valence.
public struct SentimentEntry: Hashable, Sendable {
    /// As written (lower case; phrases with single spaces; a trailing `*` for prefixes).
    public var term: String
    /// −4 (very negative) … +4 (very positive).
    public var valence: Double
    /// Disagreement between raters (standard deviation), where the source gives it.
    public var spread: Double?
    public var origin: EntryOrigin

    public init(term: String, valence: Double, spread: Double? = nil, origin: EntryOrigin) {
        self.term = term
        self.valence = valence
        self.spread = spread
        self.origin = origin
    }

    /// `disappoint*`: matches every word starting with `disappoint`. (In a term without letters,
    /// such as the emoticon `:*`, the `*` is literal.)
    public var isPrefix: Bool { term.utf8.last == UInt8(ascii: "*") && term.unicodeScalars.contains(where: \.properties.isAlphabetic) }
}
