import Testing
import VerbatimLexicon

/// Pattern matching as lexicon authors rely on it.
@Suite struct PCRE2RegexTests {
    /// A pattern that matches the empty string steps over "æ", "ø", "å" (two bytes each) whole.
    @Test func emptyMatchesStepOverWholeCharacters() throws {
        let regex = try PCRE2Regex("x*")
        #expect(regex.matches(in: "æøå") == .matches([0..<0, 2..<2, 4..<4, 6..<6]))
        #expect(regex.matches(in: "aæx") == .matches([0..<0, 1..<1, 3..<4, 4..<4]))
    }
}
