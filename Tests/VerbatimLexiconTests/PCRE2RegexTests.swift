import VerbatimLexicon
import XCTest

/// Pattern matching as lexicon authors rely on it.
final class PCRE2RegexTests: XCTestCase {
    /// A pattern that matches the empty string steps over "æ", "ø", "å" (two bytes each) whole.
    func testEmptyMatchesStepOverWholeCharacters() throws {
        let regex = try PCRE2Regex("x*")
        XCTAssertEqual(regex.matches(in: "æøå"), .matches([0..<0, 2..<2, 4..<4, 6..<6]))
        XCTAssertEqual(regex.matches(in: "aæx"), .matches([0..<0, 1..<1, 3..<4, 4..<4]))
    }
}
