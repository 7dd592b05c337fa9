/// Lists keyed by small non-negative integers (vocabulary ids, prefix numbers), each stored as one
/// contiguous run in the order its values were appended to the `PostingLists` it was made from:
/// the per-token loop reads a word's candidates as one stretch of memory instead of following
/// links to scattered postings. Built once, when an index is compiled; immutable after.
public struct FlatPostingLists<Element: Sendable>: Sendable {
    /// Per key and one past the last: where its run starts in `elements`.
    @usableFromInline var starts: [Int32] = [0]
    /// One bit per key, set when its list is not empty. Most words of a comment key no list, and
    /// this answers for them from 8 KB per 65,536 keys instead of `starts` (32 times larger, indexed
    /// by ids scattered over the whole vocabulary: a cache miss for nearly every word).
    @usableFromInline var occupied: [UInt64] = []
    public private(set) var elements: [Element] = []

    public init() {}

    /// The lists of `postings`, each value turned into an element by `element`.
    public init(_ postings: PostingLists, _ element: (Int) -> Element) {
        starts.reserveCapacity(postings.keyCount + 1)
        occupied = [UInt64](repeating: 0, count: (postings.keyCount + 63) / 64)
        var run: [Int] = []
        for key in 0..<postings.keyCount {
            run.removeAll(keepingCapacity: true)
            postings.forEach(key) { run.append($0) }
            // Postings read newest first.
            for value in run.reversed() { elements.append(element(value)) }
            starts.append(Int32(elements.count))
            if !run.isEmpty { occupied[key / 64] |= 1 << UInt64(key % 64) }
        }
    }

    /// The length of the longest list.
    public var longestRun: Int { zip(starts, starts.dropFirst()).map { Int($1 - $0) }.max() ?? 0 }

    /// The positions in `elements` of the list of `key` (empty when `key` is out of range).
    @inlinable @inline(__always)
    public func range(of key: Int) -> Range<Int> {
        guard key >= 0, key >> 6 < occupied.count, occupied[key >> 6] & 1 << UInt64(key & 63) != 0 else { return 0..<0 }
        return Int(starts[key])..<Int(starts[key + 1])
    }
}
