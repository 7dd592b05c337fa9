import CICU

/// UAX #29 sentence boundaries exactly as ICU's root-locale iterator gives them, for text in the
/// alphabet of `LatinWordBreaker` (Latin letters, ASCII, common punctuation and emoji): the
/// sentence rules run over a per-character class looked up in a table, instead of ICU's general
/// machinery. Any other text gets nil, and the segmenter asks ICU.
///
/// `LatinSentenceBreakerTests` holds it to ICU on every text of the evaluation sets and corpora,
/// every applicable line of SentenceBreakTest.txt and random strings of its alphabet.
///
/// Holds scratch buffers, so one instance belongs to one segmenter (one thread).
struct LatinSentenceBreaker {
    /// Sentence_Break property values (UAX #29, table 4) with ICU's numbers.
    enum SentenceBreakClass: Int32, LatinBreakClass {
        case other = 0
        case aTerm = 1
        case close = 2
        case lower = 4
        case numeric = 5
        case oLetter = 6
        case space = 8
        case sTerm = 9
        case upper = 10
        case carriageReturn = 11
        case lineFeed = 13
        case sContinue = 14
        /// A skin-tone modifier or variation selector (Extend): joins an Other character before it (SB5).
        case emojiExtend = 100
        /// Outside the alphabet (and Sep, Format, other Extend): the text goes to ICU.
        case unsupported = -1

        var isParagraphSeparator: Bool { self == .carriageReturn || self == .lineFeed }
        var isTerminator: Bool { self == .aTerm || self == .sTerm }
    }

    private let latinTable: [SentenceBreakClass]
    private var classes: [SentenceBreakClass] = []
    private var starts: [Int32] = []
    private var boundaries: [Int32] = []

    init() {
        latinTable = (0..<0x250).map { Self.sentenceBreakClass(of: UInt32($0)) }
    }

    /// The class of one code point from ICU's property, for the characters `LatinWordBreaker` accepts.
    static func sentenceBreakClass(of scalar: UInt32) -> SentenceBreakClass {
        switch LatinWordBreaker.wordBreakClass(of: scalar) {
        case .unsupported: return .unsupported
        case .emojiExtend: return .emojiExtend
        default: return SentenceBreakClass(rawValue: vt_sentence_break_property(Int32(bitPattern: scalar))) ?? .unsupported
        }
    }

    /// The boundaries after the start of `units` (UTF-16 offsets, ending at `units.count`), as
    /// `BreakIterator.segments(of:)` gives them for sentences; nil when the text holds a character
    /// outside the alphabet.
    mutating func boundaries(of units: UnsafeBufferPointer<UInt16>) -> ArraySlice<Int32>? {
        guard !units.isEmpty else { return [] }
        if classes.count < units.count {
            let capacity = max(units.count, 2 * classes.count)
            classes = Array(repeating: .other, count: capacity)
            starts = Array(repeating: 0, count: capacity)
            boundaries = Array(repeating: 0, count: capacity + 1)
        }
        let count = latinTable.withUnsafeBufferPointer { table in
            classes.withUnsafeMutableBufferPointer { classes in
                starts.withUnsafeMutableBufferPointer { starts in
                    SentenceBreakClass.classify(units, table: table, classOf: Self.sentenceBreakClass(of:), into: classes, starts: starts)
                }
            }
        }
        guard let count else { return nil }
        let written = classes.withUnsafeBufferPointer { classes in
            starts.withUnsafeBufferPointer { starts in
                boundaries.withUnsafeMutableBufferPointer { boundaries in
                    Self.segment(UnsafeBufferPointer(rebasing: classes[0..<count]), starts: starts, end: Int32(units.count), into: boundaries)
                }
            }
        }
        return boundaries[0..<written]
    }

    /// Applies rules SB3 to SB11 and SB998; returns how many boundaries it wrote.
    private static func segment(
        _ classes: UnsafeBufferPointer<SentenceBreakClass>, starts: UnsafeBufferPointer<Int32>, end: Int32,
        into boundaries: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        let count = classes.count
        var written = 0
        /// A boundary before code point `index` (`count`: the end).
        func breakBefore(_ index: Int) {
            let offset = index < count ? starts[index] : end
            if written == 0 || boundaries[written - 1] != offset {
                boundaries[written] = offset
                written += 1
            }
        }
        /// The index after a paragraph separator at `index` (CR LF is one: SB3).
        func afterSeparator(_ index: Int) -> Int {
            classes[index] == .carriageReturn && index + 1 < count && classes[index + 1] == .lineFeed ? index + 2 : index + 1
        }
        var index = 0
        while index < count {
            let current = classes[index]
            if current.isParagraphSeparator {  // SB4
                index = afterSeparator(index)
                breakBefore(index)
                continue
            }
            guard current.isTerminator else {
                index += 1
                continue
            }
            var next = index + 1
            if current == .aTerm, next < count {
                if classes[next] == .numeric {  // SB6
                    index = next
                    continue
                }
                if classes[next] == .upper, index > 0, classes[index - 1] == .upper || classes[index - 1] == .lower {  // SB7
                    index = next
                    continue
                }
            }
            while next < count, classes[next] == .close { next += 1 }  // SB9
            while next < count, classes[next] == .space { next += 1 }  // SB10
            if next < count, classes[next].isParagraphSeparator {  // SB10, then SB11 after the separator
                index = afterSeparator(next)
                breakBefore(index)
                continue
            }
            guard next < count else { break }
            if current == .aTerm {  // SB8: no break when a lower-case letter follows before any other letter or terminator
                var ahead = next
                while ahead < count {
                    switch classes[ahead] {
                    case .oLetter, .upper, .lower, .carriageReturn, .lineFeed, .aTerm, .sTerm: break
                    default:
                        ahead += 1
                        continue
                    }
                    break
                }
                if ahead < count, classes[ahead] == .lower {
                    index = ahead
                    continue
                }
            }
            if classes[next] == .sContinue || classes[next].isTerminator {  // SB8a
                index = next
                continue
            }
            breakBefore(next)  // SB11
            index = next
        }
        breakBefore(count)
        return written
    }
}
