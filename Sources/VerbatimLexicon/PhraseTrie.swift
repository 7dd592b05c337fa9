/// Multi-word lexicon terms as a trie over vocabulary ids: the longest phrase starting at a
/// position is found in one walk, whatever the number of phrases. The first word is found by
/// indexing an array (every token of every comment starts a walk); later words, rarer, by a small
/// dictionary per node.
public struct PhraseTrie<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [Int32: Int] = [:]
        var value: Value?
    }

    /// Node 0 is the root; its children are in `firstWord`.
    private var nodes = [Node()]
    /// Root child node by first word id (0: none).
    private var firstWord: [Int32] = []

    public init() {}

    public var isEmpty: Bool { nodes.count == 1 }

    /// Adds (or replaces) the value of a sequence of word ids (all ≥ 0).
    public mutating func insert(_ words: [Int32], _ value: Value) {
        guard let first = words.first else { return }
        if Int(first) >= firstWord.count { firstWord += Array(repeating: 0, count: Int(first) + 1 - firstWord.count) }
        var node = Int(firstWord[Int(first)])
        if node == 0 {
            nodes.append(Node())
            node = nodes.count - 1
            firstWord[Int(first)] = Int32(node)
        }
        for word in words.dropFirst() {
            if let child = nodes[node].children[word] {
                node = child
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].value = value
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
        var best: (Int, Value)?
        var index = start + 1
        while index < end, let child = nodes[node].children[words[index]] {
            node = child
            index += 1
            if let value = nodes[node].value { best = (index - start, value) }
        }
        return best
    }
}
