import CICU

/// UAX #29 word boundaries exactly as ICU's root-locale iterator gives them, for text written only
/// in characters where those rules reduce to a few local ones: ASCII except `_`, the Latin letters
/// of Latin-1 and Latin Extended-A/B (æ, ø, å, é, ü, ß …), quotes, dashes, currency signs, and emoji
/// (with a skin tone or variation selector, but no joiner). Survey comments in Danish and English
/// are nearly always such text, and ICU's general machinery costs several times this loop. Any
/// other text gets nil, and the tokenizer asks ICU.
///
/// `LatinWordBreakerTests` holds it to ICU: its character table against ICU's Word_Break property,
/// and its boundaries and rule statuses against the iterator's on every text of the evaluation
/// sets and corpora, every applicable line of WordBreakTest.txt and random strings of its alphabet.
///
/// Holds scratch buffers, so one instance belongs to one tokenizer (one thread).
struct LatinWordBreaker {
    /// The Word_Break property values (UAX #29, table 3) the accepted text can hold, as CLDR's root
    /// locale tailors them: ':' is Other, and '@' is a letter ("@FreshBasket" is one word).
    enum WordBreakClass: UInt8, LatinBreakClass {
        case other
        case carriageReturn
        case lineFeed
        /// Vertical tab and form feed.
        case newline
        /// WSegSpace: the space character.
        case space
        /// ALetter.
        case letter
        case numeric
        /// MidNum: `,` and `;`.
        case midNumber
        /// MidNumLet and Single_Quote: `.`, `'`, `‘`, `’`.
        case midNumberOrLetter
        /// A skin-tone modifier or variation selector (Extend): it joins the character before it
        /// (WB4), and is accepted only after an Other one, whose rules it then leaves unchanged.
        case emojiExtend
        /// Anything else: the text goes to ICU.
        case unsupported
    }

    /// ICU's rule status ranges: the start of "number" and of "letter".
    static let numberStatus = Int32(VT_WORD_NONE_LIMIT)
    static let letterStatus = Int32(VT_WORD_NUMBER_LIMIT)

    private var classes: [WordBreakClass] = []
    private var starts: [Int32] = []
    private var boundaries: [Int32] = []
    private var statuses: [Int32] = []

    /// The boundaries after the start of `units` (UTF-16 offsets, ending at `units.count`) with the
    /// rule status of the segment each ends, as `BreakIterator.segments(of:)` gives them; nil when
    /// the text holds a character outside the alphabet.
    mutating func segments(of units: UnsafeBufferPointer<UInt16>) -> (boundaries: ArraySlice<Int32>, statuses: ArraySlice<Int32>)? {
        guard !units.isEmpty else { return ([], []) }
        if classes.count < units.count {
            let capacity = max(units.count, 2 * classes.count)
            classes = Array(repeating: .other, count: capacity)
            starts = Array(repeating: 0, count: capacity)
            boundaries = Array(repeating: 0, count: capacity)
            statuses = Array(repeating: 0, count: capacity)
        }
        let count = Self.latinTable.withUnsafeBufferPointer { table in
            classes.withUnsafeMutableBufferPointer { classes in
                starts.withUnsafeMutableBufferPointer { starts in
                    WordBreakClass.classify(units, table: table, classOf: Self.wordBreakClass(of:), into: classes, starts: starts)
                }
            }
        }
        guard let count else { return nil }
        let segmentCount = classes.withUnsafeBufferPointer { classes in
            starts.withUnsafeBufferPointer { starts in
                boundaries.withUnsafeMutableBufferPointer { boundaries in
                    statuses.withUnsafeMutableBufferPointer { statuses in
                        Self.segment(
                            UnsafeBufferPointer(rebasing: classes[0..<count]), starts: starts, end: Int32(units.count),
                            boundaries: boundaries, statuses: statuses)
                    }
                }
            }
        }
        return (boundaries[0..<segmentCount], statuses[0..<segmentCount])
    }

    /// Writes the boundaries and statuses of the code points classed in `classes`; returns how many.
    private static func segment(
        _ classes: UnsafeBufferPointer<WordBreakClass>, starts: UnsafeBufferPointer<Int32>, end: Int32,
        boundaries: UnsafeMutableBufferPointer<Int32>, statuses: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        // ICU's status is that of the segment's last letter or digit: "a1" is a number, "1a" a word.
        var written = 0
        var status = Self.status(of: classes[0], after: 0)
        for index in 1..<classes.count {
            if breaksBefore(index, in: classes) {
                boundaries[written] = starts[index]
                statuses[written] = status
                written += 1
                status = 0
            }
            status = Self.status(of: classes[index], after: status)
        }
        boundaries[written] = end
        statuses[written] = status
        return written + 1
    }

    /// The segment's rule status once `wordBreakClass` joins it.
    @inline(__always)
    private static func status(of wordBreakClass: WordBreakClass, after status: Int32) -> Int32 {
        switch wordBreakClass {
        case .letter: letterStatus
        case .numeric: numberStatus
        default: status
        }
    }

    /// UAX #29 rules WB3 to WB12 and WB999 between code points `index - 1` and `index`. (WB4's
    /// Extend and Format characters, Hebrew letters, Katakana, ExtendNumLet, regional indicators
    /// and ZWJ are outside the alphabet, so their rules never apply.)
    @inline(__always)
    private static func breaksBefore(_ index: Int, in classes: UnsafeBufferPointer<WordBreakClass>) -> Bool {
        let before = classes[index - 1]
        let after = classes[index]
        switch (before, after) {
        case (.carriageReturn, .lineFeed): return false  // WB3
        case (.carriageReturn, _), (.lineFeed, _), (.newline, _), (_, .carriageReturn), (_, .lineFeed), (_, .newline):
            return true  // WB3a, WB3b
        case (.space, .space): return false  // WB3d
        case (.letter, .letter), (.numeric, .numeric), (.letter, .numeric), (.numeric, .letter):
            return false  // WB5, WB8, WB9, WB10
        case (.letter, .midNumberOrLetter):  // WB6
            return !(index + 1 < classes.count && classes[index + 1] == .letter)
        case (.midNumberOrLetter, .letter):  // WB7
            return !(index >= 2 && classes[index - 2] == .letter)
        case (.numeric, .midNumber), (.numeric, .midNumberOrLetter):  // WB12
            return !(index + 1 < classes.count && classes[index + 1] == .numeric)
        case (.midNumber, .numeric), (.midNumberOrLetter, .numeric):  // WB11
            return !(index >= 2 && classes[index - 2] == .numeric)
        default: return true  // WB999
        }
    }

    /// The class of one code point; `.unsupported` outside the alphabet.
    static func wordBreakClass(of scalar: UInt32) -> WordBreakClass {
        if scalar < UInt32(latinTable.count) { return latinTable[Int(scalar)] }
        switch scalar {
        case 0x2018, 0x2019: return .midNumberOrLetter
        case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: return .emojiExtend
        case 0x2010...0x2023, 0x2025, 0x2026, 0x2030...0x203A, 0x20A0...0x20C0, 0x2122, 0x2190...0x21FF, 0x2600...0x27BF:
            return .other
        // Emoji blocks, without the skin-tone modifiers.
        case 0x1F300...0x1F3FA, 0x1F400...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF: return .other
        default: return .unsupported
        }
    }

    /// Classes of U+0000 to U+024F.
    private static let latinTable: [WordBreakClass] = (0..<0x250).map { (scalar: UInt32) -> WordBreakClass in
        switch scalar {
        case 0x0A: .lineFeed
        case 0x0D: .carriageReturn
        case 0x0B, 0x0C: .newline
        case 0x20: .space
        case 0x27, 0x2E: .midNumberOrLetter
        case 0x2C, 0x3B: .midNumber
        case 0x30...0x39: .numeric
        case 0x40...0x5A, 0x61...0x7A, 0xAA, 0xB5, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: .letter
        case 0x5F: .unsupported  // ExtendNumLet
        case 0x80...0x9F: .unsupported  // C1 controls, among them NEL (Newline)
        case 0xAD: .unsupported  // soft hyphen (Format)
        case 0xB7: .unsupported  // middle dot (MidLetter)
        default: .other
        }
    }
}
