/// Approximate counts of many distinct terms in fixed space (Cormode & Muthukrishnan's count-min
/// sketch): the corpus frequency that emerging terms are weighed against. Counts never fall
/// below the truth and merging is element-wise addition, so a sharded summary merges exactly.
public struct CountMinSketch: Codable, Hashable, Sendable {
    public static let depth = 4
    public static let width = 8192
    /// `depth × width` counters, row-major; empty until the first term (a chunk's or an empty
    /// summary's sketch costs nothing to make and to merge).
    public private(set) var counters: [Int] = []

    public init() {}

    public mutating func add(_ term: String, count: Int = 1) {
        if counters.isEmpty { counters = Array(repeating: 0, count: Self.depth * Self.width) }
        let hash = StableHash.fnv1a(term)
        for row in 0..<Self.depth {
            counters[row * Self.width + Self.column(hash, row)] += count
        }
    }

    public func estimate(_ term: String) -> Int {
        guard !counters.isEmpty else { return 0 }
        let hash = StableHash.fnv1a(term)
        return (0..<Self.depth).map { counters[$0 * Self.width + Self.column(hash, $0)] }.min() ?? 0
    }

    public mutating func merge(_ other: CountMinSketch) {
        if other.counters.isEmpty { return }
        if counters.isEmpty {
            counters = other.counters
            return
        }
        for index in counters.indices { counters[index] += other.counters[index] }
    }

    private static func column(_ hash: UInt64, _ row: Int) -> Int {
        // Double hashing: h1 + row × h2.
        let h1 = hash & 0xFFFF_FFFF, h2 = (hash >> 32) | 1
        return Int((h1 &+ UInt64(row) &* h2) % UInt64(width))
    }

    // The sketch is written to summary.json as a compact list of the non-zero counters.
    enum CodingKeys: String, CodingKey { case nonZero = "non_zero" }

    public init(from decoder: any Decoder) throws {
        self.init()
        let pairs = try decoder.container(keyedBy: CodingKeys.self).decode([[Int]].self, forKey: .nonZero)
        guard !pairs.isEmpty else { return }
        counters = Array(repeating: 0, count: Self.depth * Self.width)
        for pair in pairs where pair.count == 2 && pair[0] >= 0 && pair[0] < counters.count { counters[pair[0]] = pair[1] }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(counters.indices.filter { counters[$0] != 0 }.map { [$0, counters[$0]] }, forKey: .nonZero)
    }
}

/// FNV-1a over UTF-8: a hash that is the same in every process and on every machine (Swift's
/// `Hasher` is seeded per process), for deterministic choices and sketches.
public enum StableHash {
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
