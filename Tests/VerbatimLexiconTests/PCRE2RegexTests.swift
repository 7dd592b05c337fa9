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

    /// A run-on comment of a few thousand words needs more JIT stack than PCRE2's 32 KB default
    /// for patterns that repeat a group (the bundled price pattern did): it is matched with a
    /// larger stack, not reported as stopped. A pattern that explodes still hits the match limit.
    @Test func aLongSubjectBeyondTheDefaultJITStackStillMatches() throws {
        let subject = String(repeating: "ab ", count: 2000) + "c"
        #expect(try PCRE2Regex("^(?:ab |a)*c").matches(in: subject) == .matches([0..<subject.utf8.count]))
        guard case .limitExceeded = try PCRE2Regex("^(?:(?:a|b| )+)+$").matches(in: subject) else {
            Issue.record("a catastrophic pattern should stop at the match limit")
            return
        }
    }
}
