/// Lists of small integers (term numbers) keyed by small non-negative integers (vocabulary ids),
/// kept as linked postings in three flat arrays while an index is built (appending is O(1)), then
/// laid out as `FlatPostingLists` for matching. Lists read newest first; values are appended in
/// increasing order, so a list reads strictly decreasing.
public struct PostingLists: Sendable {
    /// Per key: the newest posting, −1 for an empty list.
    private var heads: [Int32] = []
    private var values: [Int32] = []
    /// Per posting: the previous posting of the same key, −1 at the list's end.
    private var next: [Int32] = []

    public init() {}

    public var isEmpty: Bool { values.isEmpty }

    /// One past the largest key a value was appended to.
    public var keyCount: Int { heads.count }

    /// Appends `value` (no smaller than any value appended before) to the list of `key`; a value
    /// already at the list's head is not added again.
    public mutating func append(_ value: Int, to key: Int) {
        if key >= heads.count { heads += repeatElement(-1, count: key + 1 - heads.count) }
        precondition(heads[key] < 0 || values[Int(heads[key])] <= value, "values are appended in increasing order")
        if heads[key] >= 0, values[Int(heads[key])] == value { return }
        values.append(Int32(value))
        next.append(heads[key])
        heads[key] = Int32(values.count - 1)
    }

    /// Calls `body` with each value of the list of `key` (none when `key` is out of range), newest
    /// first, without building an array.
    @inline(__always)
    public func forEach(_ key: Int, _ body: (Int) -> Void) {
        guard key >= 0, key < heads.count else { return }
        var posting = heads[key]
        while posting >= 0 {
            body(Int(values[Int(posting)]))
            posting = next[Int(posting)]
        }
    }
}
