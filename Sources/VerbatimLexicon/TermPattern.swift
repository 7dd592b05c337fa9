import VerbatimText

/// One rule of the term syntax shared by themes, touch points and flags (lexicons/README.md):
/// a word, a phrase, a `prefix*`, `#` for any number, `a NEAR/n b`, and `-term` for an exclusion.
public struct TermPattern: Hashable, Sendable {
    /// One word of a term: its normal form, and whether it is a `prefix*` or `#` (any number:
    /// "order #" is an order named by its number, "ordre #" the same in Danish).
    public struct Word: Hashable, Sendable {
        public var text: String
        public var isPrefix: Bool
        public var isNumber = false
    }

    public enum Shape: Hashable, Sendable {
        /// Consecutive words (one word or a phrase).
        case sequence([Word])
        /// Both sides within `distance` words of each other, in either order, in one sentence.
        case near([Word], [Word], distance: Int)
    }

    public var shape: Shape
    /// `-term`: drops hits whose evidence lies inside a match of this term.
    public var isExclusion: Bool
    public var source: String
    public var origin: EntryOrigin

    /// A problem with a term's syntax, with the column (1-based, in the term) where it is.
    public struct SyntaxError: Error, Hashable, Sendable {
        public var message: String
        public var column: Int
    }

    /// Parses `source`, normalising each word with `tokenizer` so terms meet comments in one form.
    public init(_ source: String, origin: EntryOrigin, tokenizer: Tokenizer) throws(SyntaxError) {
        var text = source.trimmingCharacters(in: .whitespaces)
        isExclusion = text.hasPrefix("-")
        if isExclusion { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        guard !text.isEmpty else { throw SyntaxError(message: "empty term", column: 1) }
        self.source = source
        self.origin = origin
        let parts = text.components(separatedBy: " NEAR/")
        if parts.count == 2 {
            let distanceText = parts[1].prefix { $0.isNumber }
            guard let distance = Int(distanceText), distance >= 1 else {
                throw SyntaxError(message: "NEAR needs a distance: 'a NEAR/3 b'", column: parts[0].count + 7)
            }
            let right = parts[1].dropFirst(distanceText.count).trimmingCharacters(in: .whitespaces)
            shape = .near(try Self.words(parts[0], tokenizer: tokenizer, column: 1),
                          try Self.words(right, tokenizer: tokenizer, column: parts[0].count + 7 + distanceText.count),
                          distance: distance)
        } else if parts.count > 2 {
            throw SyntaxError(message: "only one NEAR per term", column: 1)
        } else {
            shape = .sequence(try Self.words(text, tokenizer: tokenizer, column: 1))
        }
        let all: [Word] = switch shape {
        case .sequence(let words): words
        case .near(let left, let right, _): left + right
        }
        guard all.contains(where: { !$0.isNumber }) else { throw SyntaxError(message: "'#' (any number) needs a word beside it", column: 1) }
    }

    private static func words(_ text: String, tokenizer: Tokenizer, column: Int) throws(SyntaxError) -> [Word] {
        var words: [Word] = []
        for part in text.split(separator: " ") {
            if part == "#" {
                words.append(Word(text: "#", isPrefix: false, isNumber: true))
                continue
            }
            let isPrefix = part.hasSuffix("*")
            let body = isPrefix ? String(part.dropLast()) : String(part)
            if body.contains("*") { throw SyntaxError(message: "'*' may only end a word", column: column) }
            if isPrefix, body.count < 3 { throw SyntaxError(message: "a prefix before '*' needs at least three letters", column: column) }
            let tokens = tokenizer.tokenize(body).filter { $0.kind != .punctuation }
            guard !tokens.isEmpty else { throw SyntaxError(message: "'\(part)' has no word in it", column: column) }
            for (index, token) in tokens.enumerated() {
                words.append(Word(text: token.normalized, isPrefix: isPrefix && index == tokens.count - 1))
            }
        }
        guard !words.isEmpty else { throw SyntaxError(message: "empty term", column: column) }
        return words
    }
}
