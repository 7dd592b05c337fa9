import VerbatimText

/// A comment's words as ids of the compiled lexicons' shared vocabulary, looked up once per
/// comment so that sentiment, themes, touch points and flags compare integers, never strings.
/// −1 where the vocabulary does not hold the form.
public struct TokenIDs: Sendable {
    /// Per token: the normal form's id.
    public var words: [Int32]
    /// Per token: the stem's id (−1 for tokens without a stem).
    public var stems: [Int32]
    /// The ids of Danish compounds' modifier and head parts, token after token, in order;
    /// `compoundParts(of:)` gives a token's (flat, so the per-token loop touches one buffer).
    public var compoundPartIDs: [Int32]
    /// Per token and one past the last: where its parts start in `compoundPartIDs`.
    private var compoundPartStarts: [Int32]
    /// The sequence terms match over: the positions of tokens other than punctuation and symbols
    /// (a phrase's words stay adjacent across a comma).
    public var wordTokens: [Int]
    /// Per token: its first three scalars packed (`prefixKey`), which finds the `prefix*` terms
    /// and entries that may match it.
    public var prefixKeys: [UInt64]
    /// The ids of the comment's words and stems, for ruling out terms whose words it lacks.
    public var presence = WordPresence()

    /// Looks up every token of `text` in `vocabulary`.
    public init(_ text: AnalyzedText, in vocabulary: InternTable) {
        let count = text.tokens.count
        words = [Int32](repeating: -1, count: count)
        stems = [Int32](repeating: -1, count: count)
        compoundPartIDs = []
        compoundPartStarts = []
        compoundPartStarts.reserveCapacity(count + 1)
        wordTokens = []
        wordTokens.reserveCapacity(count)
        prefixKeys = []
        prefixKeys.reserveCapacity(count)
        for index in 0..<count {
            let kind = text.tokens[index].kind
            if kind != .punctuation && kind != .symbol { wordTokens.append(index) }
            prefixKeys.append(Self.prefixKey(text.tokens[index].normalized))
            words[index] = vocabulary.id(of: text.tokens[index].normalized) ?? -1
            if let stem = text.stems[index] {
                // Most stems are the word itself: one lookup then.
                stems[index] = stem == text.tokens[index].normalized ? words[index] : vocabulary.id(of: stem) ?? -1
            }
            presence.insert(words[index])
            presence.insert(stems[index])
            compoundPartStarts.append(Int32(compoundPartIDs.count))
            if let compound = text.compounds[index] {
                for part in compound.parts where part.role == .modifier || part.role == .head {
                    compoundPartIDs.append(vocabulary.id(of: part.text) ?? -1)
                }
            }
        }
        compoundPartStarts.append(Int32(compoundPartIDs.count))
    }

    /// The positions in `compoundPartIDs` of token `index`'s compound parts (empty when the token
    /// is not a compound).
    @inline(__always)
    public func compoundParts(of index: Int) -> Range<Int> {
        Int(compoundPartStarts[index])..<Int(compoundPartStarts[index + 1])
    }

    /// The first three scalars of `word` packed into one integer (0 when the word is shorter).
    public static func prefixKey(_ word: String) -> UInt64 {
        // ASCII beginnings (most words) straight from the bytes: their scalars are their bytes.
        if let key = word.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64? in
            guard bytes.count >= 3, bytes[0] < 0x80, bytes[1] < 0x80, bytes[2] < 0x80 else { return nil }
            return UInt64(bytes[0]) << 42 | UInt64(bytes[1]) << 21 | UInt64(bytes[2])
        }), let key {
            return key
        }
        var key: UInt64 = 0
        var taken = 0
        for scalar in word.unicodeScalars {
            key = key << 21 | UInt64(scalar.value)
            taken += 1
            if taken == 3 { return key }
        }
        return 0
    }

    /// The fourth to sixth scalars of `word` packed as `prefixKey` packs the first three, each in
    /// its place (0 for those the word lacks): with the key, they settle a prefix of up to six
    /// scalars without comparing text ("til" does not start "tilføje*"). Computed only for the
    /// tokens whose key some prefix has.
    public static func prefixTail(_ word: String) -> UInt64 {
        if let tail = word.utf8.withContiguousStorageIfAvailable({ bytes -> UInt64? in
            let count = min(bytes.count, 6)
            for index in 0..<count where bytes[index] >= 0x80 { return nil }
            var tail: UInt64 = 0
            for index in 3..<max(count, 3) { tail |= UInt64(bytes[index]) << (21 * UInt64(5 - index)) }
            return tail
        }), let tail {
            return tail
        }
        var tail: UInt64 = 0
        var taken = 0
        for scalar in word.unicodeScalars {
            if taken >= 3 { tail |= UInt64(scalar.value) << (21 * UInt64(5 - taken)) }
            taken += 1
            if taken == 6 { break }
        }
        return tail
    }
}
