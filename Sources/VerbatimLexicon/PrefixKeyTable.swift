/// Dense numbers for `TokenIDs.prefixKey` values: an open-addressing table with a multiplicative
/// hash, looked up once per token by the term index. Cheaper than a `Dictionary`, whose seeded
/// hasher costs more than the rest of the lookup for most tokens, which match no prefix.
struct PrefixKeyTable: Sendable {
    /// Slots of keys (0: empty; a prefix key is never 0) and their dense numbers.
    private var keys: [UInt64] = []
    private var numbers: [Int32] = []
    private var shift: UInt64 = 64
    /// One bit per 4,096th of the hash space, set for each key: most tokens match no prefix, and
    /// this 512-byte filter says so without probing the table.
    private var filter = [UInt64](repeating: 0, count: 64)
    private(set) var count = 0

    /// The dense number of `key` (0 …), adding it when new.
    mutating func number(adding key: UInt64) -> Int {
        precondition(key != 0, "prefix keys are never 0")
        if let existing = number(of: key) { return existing }
        if (count + 1) * 2 > keys.count { grow() }
        insert(key, number: Int32(count))
        let hash = Self.hash(key)
        filter[Int(truncatingIfNeeded: hash >> 58)] |= 1 << (hash >> 52 & 63)
        count += 1
        return count - 1
    }

    /// The dense number of `key`, nil when it was never added.
    @inline(__always)
    func number(of key: UInt64) -> Int? {
        let hash = Self.hash(key)
        guard key != 0, filter[Int(truncatingIfNeeded: hash >> 58)] & 1 << (hash >> 52 & 63) != 0 else { return nil }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash >> shift)
        while true {
            let found = keys[slot]
            if found == key { return Int(numbers[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ key: UInt64, number: Int32) {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(key) >> shift)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        numbers[slot] = number
    }

    /// Multiplicative (Fibonacci) hashing: the top bits pick the slot and the filter bit.
    @inline(__always)
    private static func hash(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }

    private mutating func grow() {
        let old = zip(keys, numbers).filter { $0.0 != 0 }
        let capacity = max(16, keys.count * 2)
        keys = [UInt64](repeating: 0, count: capacity)
        numbers = [Int32](repeating: -1, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for (key, number) in old { insert(key, number: number) }
    }
}
