import CICU

/// Unicode properties of one code point that the text stages need, from ICU.
struct CharacterClass: OptionSet, Sendable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let letter = CharacterClass(rawValue: UInt32(VT_CHAR_LETTER))
    static let upper = CharacterClass(rawValue: UInt32(VT_CHAR_UPPER))
    static let lower = CharacterClass(rawValue: UInt32(VT_CHAR_LOWER))
    static let digit = CharacterClass(rawValue: UInt32(VT_CHAR_DIGIT))
    static let whitespace = CharacterClass(rawValue: UInt32(VT_CHAR_WHITESPACE))
    static let pictographic = CharacterClass(rawValue: UInt32(VT_CHAR_PICTOGRAPHIC))
    static let regionalIndicator = CharacterClass(rawValue: UInt32(VT_CHAR_REGIONAL_INDICATOR))
    static let emojiModifier = CharacterClass(rawValue: UInt32(VT_CHAR_EMOJI_MODIFIER))
    static let latin = CharacterClass(rawValue: UInt32(VT_CHAR_LATIN))
    static let punctuation = CharacterClass(rawValue: UInt32(VT_CHAR_PUNCTUATION))
    static let symbol = CharacterClass(rawValue: UInt32(VT_CHAR_SYMBOL))
    static let mark = CharacterClass(rawValue: UInt32(VT_CHAR_MARK))
    static let emojiPresentation = CharacterClass(rawValue: UInt32(VT_CHAR_EMOJI_PRESENTATION))
    /// A letter of a script other than Latin (CJK, Arabic, Hebrew, Cyrillic, …).
    static let otherScript = CharacterClass(rawValue: UInt32(VT_CHAR_CJK_OR_OTHER_SCRIPT))

    /// The class of `scalar`; ASCII is answered without calling ICU.
    init(_ scalar: UInt32) {
        if scalar < 0x80 {
            self = CharacterClass.ascii[Int(scalar)]
        } else {
            self.init(rawValue: vt_char_class(Int32(bitPattern: scalar)))
        }
    }

    private init(asciiFromICU scalar: UInt32) {
        self.init(rawValue: vt_char_class(Int32(bitPattern: scalar)))
    }

    /// ICU's answers for ASCII, computed once (immutable).
    private static let ascii: [CharacterClass] = (0..<128).map { CharacterClass(asciiFromICU: UInt32($0)) }

    var isEmojiStart: Bool {
        !isDisjoint(with: [.pictographic, .regionalIndicator, .emojiModifier])
    }
}
