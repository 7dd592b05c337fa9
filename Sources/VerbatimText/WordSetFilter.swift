/// A test that rules out most words for a small set of words from their UTF-8 length, first and
/// last byte alone, before the set itself (a hash of the whole word) is consulted. Never says no
/// to a word of the set.
struct WordSetFilter: Sendable, Hashable {
    /// Bit n: a word of n UTF-8 bytes is in the set (bit 63: one of 63 or more).
    private var lengths: UInt64 = 0
    /// Bit b of the 256: a word starting with byte b is in the set.
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Bit `shapeBit` of a word of the set: its length, first and last byte together (length and
    /// first byte alone let a quarter of survey words through to the hash: "the" as "though").
    private var shapes: (UInt64, UInt64) = (0, 0)

    init(_ words: Set<String>) {
        for word in words {
            lengths |= 1 << UInt64(min(word.utf8.count, 63))
            guard let first = word.utf8.first, let last = word.utf8.last else { continue }
            let bit = UInt64(1) << UInt64(first & 63)
            switch first >> 6 {
            case 0: firstBytes.0 |= bit
            case 1: firstBytes.1 |= bit
            case 2: firstBytes.2 |= bit
            default: firstBytes.3 |= bit
            }
            let shape = Self.shapeBit(count: word.utf8.count, first: first, last: last)
            if shape < 64 { shapes.0 |= 1 << UInt64(shape) } else { shapes.1 |= 1 << UInt64(shape - 64) }
        }
    }

    /// One of 128 bits for a word of `count` bytes from `first` to `last`.
    @inline(__always)
    private static func shapeBit(count: Int, first: UInt8, last: UInt8) -> Int {
        (count &* 37 &+ Int(first) &* 7 &+ Int(last)) & 127
    }

    /// False when `word` is certainly not in the set.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard lengths & 1 << UInt64(min(utf8.count, 63)) != 0 else { return false }
        guard let first = utf8.first, let last = utf8.last else { return true }
        let bit = UInt64(1) << UInt64(first & 63)
        let firstMayBe: Bool
        switch first >> 6 {
        case 0: firstMayBe = firstBytes.0 & bit != 0
        case 1: firstMayBe = firstBytes.1 & bit != 0
        case 2: firstMayBe = firstBytes.2 & bit != 0
        default: firstMayBe = firstBytes.3 & bit != 0
        }
        guard firstMayBe else { return false }
        let shape = Self.shapeBit(count: utf8.count, first: first, last: last)
        return shape < 64 ? shapes.0 & 1 << UInt64(shape) != 0 : shapes.1 & 1 << UInt64(shape - 64) != 0
    }

    static func == (left: WordSetFilter, right: WordSetFilter) -> Bool {
        left.lengths == right.lengths && left.firstBytes == right.firstBytes && left.shapes == right.shapes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(lengths)
        hasher.combine(firstBytes.0)
        hasher.combine(firstBytes.1)
        hasher.combine(firstBytes.2)
        hasher.combine(firstBytes.3)
        hasher.combine(shapes.0)
        hasher.combine(shapes.1)
    }
}
