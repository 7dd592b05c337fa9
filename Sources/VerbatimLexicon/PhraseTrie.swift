/// Multi-word lexicon terms as a trie over normalised tokens: the longest phrase starting at a
/// position is found in one walk, whatever the number of phrases.
public struct PhraseTrie<Value: Sendable>: Sendable {
    private struct Node: Sendable {
        var children: [String: Int] = [:]
        var value: Value?
    }

    private var nodes = [Node()]

    public init() {}

    public var isEmpty: Bool { nodes.count == 1 }

    /// Adds (or replaces) the value of a token sequence.
    public mutating func insert(_ tokens: [String], _ value: Value) {
        var node = 0
        for token in tokens {
            if let child = nodes[node].children[token] {
                node = child
            } else {
                nodes.append(Node())
                nodes[node].children[token] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].value = value
    }

    /// The longest phrase of two or more tokens starting at `start` and ending by `end` (all of
    /// `tokens` when nil), with its length.
    /// - Complexity: O(length of the longest phrase).
    public func longestMatch(in tokens: [String], from start: Int, end: Int? = nil) -> (length: Int, value: Value)? {
        var node = 0
        var best: (Int, Value)?
        var index = start
        let end = end ?? tokens.count
        while index < end, let child = nodes[node].children[tokens[index]] {
            node = child
            index += 1
            if let value = nodes[node].value, index - start >= 2 { best = (index - start, value) }
        }
        return best
    }
}
