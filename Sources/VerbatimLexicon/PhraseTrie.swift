/// Multi-word lexicon terms as a trie over vocabulary ids: the longest phrase starting at a
/// position is found in one walk, whatever the number of phrases. The first word is found by
/// indexing an array (every token of every comment starts a walk); later words by one open-addressed
/// table of (node, word) pairs for the whole trie, hashed with a multiply instead of a seeded
/// `Dictionary` per node.
public struct PhraseTrie<Value: Sendable>: Sendable {
    /// Node 0 is the root; its children are in `firstWord`.
    private var values: [Value?] = [nil]
    /// Root child node by first word id (0: none).
    private var firstWord: [Int32] = []
    /// Slots of the child table: `edgeKey(node, word)`, 0 when empty. A power of two, at most half full.
    private var edgeKeys: [UInt64] = Array(repeating: 0, count: 16)
    /// The child node of the edge in the same slot.
    private var edgeChildren: [Int32] = Array(repeating: 0, count: 16)
    private var edgeCount = 0

    public init() {}

    public var isEmpty: Bool { values.count == 1 }

    /// Adds (or replaces) the value of a sequence of word ids (all ≥ 0).
    public mutating func insert(_ words: [Int32], _ value: Value) {
        guard let first = words.first else { return }
        if Int(first) >= firstWord.count { firstWord += Array(repeating: 0, count: Int(first) + 1 - firstWord.count) }
        var node = Int(firstWord[Int(first)])
        if node == 0 {
            values.append(nil)
            node = values.count - 1
            firstWord[Int(first)] = Int32(node)
        }
        for word in words.dropFirst() {
            if let child = child(of: node, word) {
                node = child
            } else {
                values.append(nil)
                addEdge(from: node, word, to: values.count - 1)
                node = values.count - 1
            }
        }
        values[node] = value
    }

    /// The longest phrase of two or more words starting at `start` and ending by `end` (all of
    /// `words` when nil), with its length. Ids this trie does not know (−1, or added to the
    /// vocabulary later) match nothing.
    /// - Complexity: O(length of the longest phrase).
    public func longestMatch(in words: [Int32], from start: Int, end: Int? = nil) -> (length: Int, value: Value)? {
        let end = end ?? words.count
        guard start < end, words[start] >= 0, Int(words[start]) < firstWord.count else { return nil }
        var node = Int(firstWord[Int(words[start])])
        guard node != 0 else { return nil }
        // The walk keeps the best node and length; its value is copied once, at the end.
        var best: (node: Int, length: Int)?
        var index = start + 1
        while index < end, let child = child(of: node, words[index]) {
            node = child
            index += 1
            if values[node] != nil { best = (node, index - start) }
        }
        guard let best, let value = values[best.node] else { return nil }
        return (best.length, value)
    }

    /// The key of the edge from `node` by `word` (never 0: nodes past the root are ≥ 1).
    @inline(__always)
    private static func edgeKey(_ node: Int, _ word: Int32) -> UInt64 {
        UInt64(node) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private func child(of node: Int, _ word: Int32) -> Int? {
        guard word >= 0 else { return nil }
        let key = Self.edgeKey(node, word)
        let mask = edgeKeys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let found = edgeKeys[slot]
            if found == key { return Int(edgeChildren[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    private mutating func addEdge(from node: Int, _ word: Int32, to child: Int) {
        if (edgeCount + 1) * 2 > edgeKeys.count {
            let keys = edgeKeys, children = edgeChildren
            edgeKeys = Array(repeating: 0, count: keys.count * 2)
            edgeChildren = Array(repeating: 0, count: keys.count * 2)
            for (key, child) in zip(keys, children) where key != 0 { place(key, child) }
        }
        place(Self.edgeKey(node, word), Int32(child))
        edgeCount += 1
    }

    private mutating func place(_ key: UInt64, _ child: Int32) {
        let mask = edgeKeys.count - 1
        var slot = Self.slot(of: key, mask: mask)
        while edgeKeys[slot] != 0 { slot = (slot + 1) & mask }
        edgeKeys[slot] = key
        edgeChildren[slot] = child
    }
}
