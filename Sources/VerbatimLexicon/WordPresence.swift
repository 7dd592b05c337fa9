/// Which vocabulary ids a comment holds, as a 1,024-bit Bloom filter (one hash): a term whose
/// other words are absent is ruled out with one bit test, before its words are compared. May say
/// yes for an id the comment lacks (a few percent for a long comment), never no for one it holds.
public struct WordPresence: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                       UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    public init() {}

    /// Notes `id` (negative ids — words outside the vocabulary — are ignored).
    @inline(__always)
    public mutating func insert(_ id: Int32) {
        guard id >= 0 else { return }
        let bit = Self.bit(of: id)
        withUnsafeMutableBytes(of: &bits) { words in
            let offset = (bit >> 6) * 8
            words.storeBytes(of: words.load(fromByteOffset: offset, as: UInt64.self) | 1 << UInt64(bit & 63), toByteOffset: offset, as: UInt64.self)
        }
    }

    /// Calls `body` with a reader of the filter: tests in a loop read it in place, not a copy each.
    @inline(__always)
    public func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        withUnsafeBytes(of: bits) { body(Reader(words: $0.baseAddress!.assumingMemoryBound(to: UInt64.self))) }
    }

    /// Tests ids against a filter in place.
    public struct Reader {
        let words: UnsafePointer<UInt64>

        /// False when `id` is certainly not in the comment.
        @inline(__always)
        public func mayContain(_ id: Int32) -> Bool {
            let bit = WordPresence.bit(of: id)
            return words[bit >> 6] & 1 << UInt64(bit & 63) != 0
        }
    }

    /// The id's bit: the top ten bits of a multiplicative hash, so that neighbouring ids spread.
    @inline(__always)
    static func bit(of id: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: id)) &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }
}
