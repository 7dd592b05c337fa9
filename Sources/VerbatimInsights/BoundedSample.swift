/// At most `capacity` items, the ones with the smallest keys: a deterministic sample whose merge
/// is commutative and associative (the union, cut to the smallest keys), so summaries of shards
/// pick the same exemplars as the summary of the whole.
public struct BoundedSample<Item: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var key: UInt64
        public var item: Item
    }

    public var capacity: Int
    public private(set) var entries: [Entry] = []

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Whether an item with `key` would be kept (so that costly items are built only then).
    public func accepts(_ key: UInt64) -> Bool {
        entries.count < capacity || key < entries[entries.count - 1].key
    }

    public mutating func add(_ item: Item, key: UInt64) {
        guard accepts(key), !entries.contains(where: { $0.key == key }) else { return }
        let position = entries.firstIndex { $0.key > key } ?? entries.count
        entries.insert(Entry(key: key, item: item), at: position)
        if entries.count > capacity { entries.removeLast() }
    }

    public mutating func merge(_ other: BoundedSample) {
        for entry in other.entries { add(entry.item, key: entry.key) }
    }

    public var items: [Item] { entries.map(\.item) }
}
