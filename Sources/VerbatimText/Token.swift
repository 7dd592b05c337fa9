/// One token of a comment: a word, number, emoji, emoticon, punctuation mark, symbol, URL or
/// e-mail address, with its place in the original text and the form used for lexicon lookup.
public struct Token: Hashable, Sendable {
    /// What the token is.
    public var kind: TokenKind
    /// The token exactly as written.
    public var text: String
    /// The lookup form: NFKC_Casefold, typographic apostrophes folded to `'`, emoji without
    /// variation selectors and skin-tone modifiers. Lexicon keys pass through the same form.
    public var normalized: String
    /// Unicode scalar (code point) offsets into the original text, end-exclusive.
    public var range: Range<Int>
    /// UTF-16 offsets into the original text, end-exclusive (for ICU-based stages).
    public var utf16Range: Range<Int>
    /// UTF-8 byte offsets into the original text, end-exclusive (PCRE2 reports matches in these).
    public var utf8Range: Range<Int>
    /// Capitalisation of the written form, for emphasis ("GREAT") and sentence rules.
    public var caseShape: CaseShape
    /// A letter repeated three or more times in a row ("sooo", "godttt"): written emphasis.
    public var isElongated: Bool

    public init(
        kind: TokenKind, text: String, normalized: String, range: Range<Int>,
        utf16Range: Range<Int>, utf8Range: Range<Int>, caseShape: CaseShape, isElongated: Bool = false
    ) {
        self.kind = kind
        self.text = text
        self.normalized = normalized
        self.range = range
        self.utf16Range = utf16Range
        self.utf8Range = utf8Range
        self.caseShape = caseShape
        self.isElongated = isElongated
    }

    /// The number of `!` in a punctuation run ("!!!" → 3; full-width forms included).
    public var exclamationCount: Int {
        kind == .punctuation ? normalized.unicodeScalars.count(where: { $0 == "!" }) : 0
    }

    /// The number of `?` in a punctuation run.
    public var questionCount: Int {
        kind == .punctuation ? normalized.unicodeScalars.count(where: { $0 == "?" }) : 0
    }

    /// Words and numbers: the tokens that carry lexical meaning.
    public var isWordLike: Bool { kind == .word || kind == .number }
}

/// The kinds of token the tokenizer tells apart.
public enum TokenKind: String, Hashable, Sendable, CaseIterable, Codable {
    case word
    case number
    case emoji
    case emoticon
    case punctuation
    case symbol
    case url
    case email
}

/// How a token is capitalised.
public enum CaseShape: String, Hashable, Sendable, Codable {
    /// Two or more letters, all upper case ("GREAT").
    case allCaps = "all_caps"
    /// First letter upper case, the rest lower case ("Great", and a lone "I").
    case capitalized
    /// All letters lower case.
    case lower
    /// Any other mix ("iPhone", "McDonald").
    case mixed
    /// No cased letters (numbers, emoji, CJK, punctuation).
    case uncased
}
