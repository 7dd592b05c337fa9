/// A test that rules out most words for a small set of words from their UTF-8 length and first
/// byte alone, before the set itself (a hash of the whole word) is consulted. Never says no to a
/// word of the set.
struct WordSetFilter: Sendable, Hashable {
    /// Bit n: a word of n UTF-8 bytes is in the set (bit 63: one of 63 or more).
    private var lengths: UInt64 = 0
    /// Bit b of the 256: a word starting with byte b is in the set.
    private var firstBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ words: Set<String>) {
        for word in words {
            lengths |= 1 << UInt64(min(word.utf8.count, 63))
            guard let first = word.utf8.first else { continue }
            let bit = UInt64(1) << UInt64(first & 63)
            switch first >> 6 {
            case 0: firstBytes.0 |= bit
            case 1: firstBytes.1 |= bit
            case 2: firstBytes.2 |= bit
            default: firstBytes.3 |= bit
            }
        }
    }

    /// False when `word` is certainly not in the set.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard lengths & 1 << UInt64(min(utf8.count, 63)) != 0 else { return false }
        guard let first = utf8.first else { return true }
        let bit = UInt64(1) << UInt64(first & 63)
        switch first >> 6 {
        case 0: return firstBytes.0 & bit != 0
        case 1: return firstBytes.1 & bit != 0
        case 2: return firstBytes.2 & bit != 0
        default: return firstBytes.3 & bit != 0
        }
    }

    static func == (left: WordSetFilter, right: WordSetFilter) -> Bool {
        left.lengths == right.lengths && left.firstBytes == right.firstBytes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(lengths)
        hasher.combine(firstBytes.0)
        hasher.combine(firstBytes.1)
        hasher.combine(firstBytes.2)
        hasher.combine(firstBytes.3)
    }
}
