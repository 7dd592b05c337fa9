import Testing
import VerbatimLexicon

/// The packed word beginnings that find `prefix*` terms ("tilføje*", "disappoint*"): ASCII words
/// are packed from their bytes, the others scalar by scalar, and both must give the same keys, or a
/// prefix term would stop matching words that begin with æ, ø or å, or hold them early.
@Suite struct TokenIDsTests {
    /// The first three and the fourth to sixth scalars, packed 21 bits each, as documented.
    func packed(_ word: String, _ positions: Range<Int>) -> UInt64 {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= positions.lowerBound + (positions.lowerBound == 0 ? 3 : 1) else { return 0 }
        var value: UInt64 = 0
        for position in positions where position < scalars.count {
            value |= UInt64(scalars[position].value) << (21 * UInt64(positions.upperBound - 1 - position))
        }
        return value
    }

    @Test(arguments: [
        "disappointed", "tilføje", "før", "æble", "øl", "åben", "ab", "abc", "abcd", "abcdef", "abcdefgh",
        "kø", "køen", "leveringstiden", "naïve", "café", "über", "😀ok", "ok😀", "", "a", "3 dage", "it's",
    ])
    func bytesAndScalarsGiveTheSameKeys(word: String) {
        #expect(TokenIDs.prefixKey(word) == packed(word, 0..<3))
        #expect(TokenIDs.prefixTail(word) == packed(word, 3..<6))
    }
}
