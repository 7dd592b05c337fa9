/// Lists of small integers (term numbers) keyed by small non-negative integers (vocabulary ids),
/// kept as linked postings in three flat arrays: appending is O(1) while an index is built, and
/// reading a list in the per-token loop touches no reference-counted storage (an array of arrays
/// retains and releases each inner array it hands out). Lists read newest first; values are
/// appended in increasing order, so a list reads strictly decreasing.
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

    /// Appends the list of `key` (none when `key` is out of range) to `output`; whether it had any.
    @inline(__always)
    @discardableResult
    public func collect(_ key: Int, into output: inout [Int]) -> Bool {
        let count = output.count
        forEach(key) { output.append($0) }
        return output.count > count
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

    /// Whether the list of `key` is non-empty.
    @inline(__always)
    public func contains(_ key: Int) -> Bool { key >= 0 && key < heads.count && heads[key] >= 0 }
}
