/// Strings interned as small integers, looked up with FNV-1a over their UTF-8 bytes and open
/// addressing: a comment's words are looked up once per term index (and once by the language
/// evidence), and Swift's seeded SipHash (what `Set` and `Dictionary<String, _>` use) costs more
/// than the rest of the lookup for short words.
public struct InternTable: Sendable {
    private var keys: [String] = []
    private var hashes: [UInt64] = []
    /// Slot → key index + 1 (0: empty). Its size is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    public init() {}

    public var count: Int { keys.count }

    /// The id of `text`, adding it when new.
    public mutating func intern(_ text: String) -> Int32 {
        if let id = id(of: text) { return id }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(text)
        keys.append(text)
        hashes.append(hash)
        insert(Int32(keys.count - 1), hash: hash)
        return Int32(keys.count - 1)
    }

    /// The id of `text`, or nil.
    public func id(of text: String) -> Int32? {
        let hash = Self.hash(text)
        let mask = UInt64(slots.count - 1)
        var slot = Int(hash & mask)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let index = Int(entry - 1)
            if hashes[index] == hash && keys[index] == text { return Int32(index) }
            slot = (slot + 1) & Int(mask)
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for index in keys.indices { insert(Int32(index), hash: hashes[index]) }
    }

    private mutating func insert(_ index: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(hash & UInt64(mask))
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = index + 1
    }

    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        if let done = text.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64 in
            var value = hash
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x100_0000_01b3
            }
            return value
        }) {
            hash = done
        } else {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
        }
        // Mix the high bits down: the table uses the low ones.
        return hash ^ (hash >> 29)
    }
}
