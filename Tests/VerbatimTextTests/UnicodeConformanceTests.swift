import Foundation
import Testing
@testable import VerbatimText

/// Every line of Unicode's WordBreakTest.txt and SentenceBreakTest.txt (Debian `unicode-data`)
/// must give the same boundaries through Verbatim's wrapper, whose UTF-16 → code point offset
/// mapping is what the result rows report.
@Suite struct UnicodeConformanceTests {
    static let folder = "/usr/share/unicode/auxiliary"
    static let available = FileManager.default.fileExists(atPath: "\(folder)/WordBreakTest.txt")

    struct Case {
        var line: Int
        var codePoints: [UInt32]
        var boundaries: [Int]
    }

    /// Parses "÷ 0061 × 0308 ÷ 0062 ÷ # comment" into code points and the code-point offsets of ÷.
    static func cases(_ file: String) throws -> [Case] {
        let text = try String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8)
        var cases: [Case] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let rule = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            guard rule.contains("÷") else { continue }
            var codePoints: [UInt32] = []
            var boundaries: [Int] = []
            for field in rule.split(whereSeparator: \.isWhitespace) {
                if field == "÷" {
                    boundaries.append(codePoints.count)
                } else if field != "×" {
                    codePoints.append(UInt32(field, radix: 16)!)
                }
            }
            cases.append(Case(line: offset + 1, codePoints: codePoints, boundaries: boundaries))
        }
        return cases
    }

    static func utf16(_ codePoints: [UInt32]) -> [UInt16] {
        codePoints.flatMap { value -> [UInt16] in
            if let scalar = Unicode.Scalar(value) { return Array(String(scalar).utf16) }
            return [UInt16(value)]  // a surrogate code point, passed as a lone code unit
        }
    }

    /// The test lines whose boundaries differ from the wrapper's.
    func differences(_ file: String, kind: BreakIterator.Kind, locale: String = "") throws -> (all: Int, differing: [Case]) {
        let breaker = try BreakIterator(kind, locale: locale)
        let cases = try Self.cases(file)
        let differing = cases.filter { breaker.boundaries(ofUTF16: Self.utf16($0.codePoints)) != $0.boundaries }
        return (cases.count, differing)
    }

    /// UAX #29 counts ':' as MidLetter; CLDR (and so ICU's root locale) drops it everywhere but
    /// Swedish and Finnish. With the Swedish tailoring, the rules are exactly UAX #29's.
    @Test(.enabled(if: available, "needs Debian's unicode-data"))
    func wordBreakTestPasses() throws {
        let (all, differing) = try differences("WordBreakTest.txt", kind: .word, locale: "sv")
        #expect(all > 1800)
        #expect(differing.isEmpty, "\(differing.count) of \(all) lines differ, first: \(differing.prefix(3).map(\.line))")
    }

    /// The tokenizer's own iterator (root locale) differs only where CLDR drops the colon:
    /// "pris:god" is two words for Verbatim, as a reader takes it.
    @Test(.enabled(if: available, "needs Debian's unicode-data"))
    func productWordBreakDiffersOnlyAtColonBetweenLetters() throws {
        let (_, differing) = try differences("WordBreakTest.txt", kind: .word, locale: "")
        #expect(differing.count < 20)
        for testCase in differing {
            #expect(testCase.codePoints.contains(0x3A), "line \(testCase.line) differs without a colon")
        }
    }

    @Test(.enabled(if: available, "needs Debian's unicode-data"))
    func sentenceBreakTestPasses() throws {
        let (all, differing) = try differences("SentenceBreakTest.txt", kind: .sentence)
        #expect(all > 400)
        #expect(differing.isEmpty, "\(differing.count) of \(all) lines differ, first: \(differing.prefix(3).map(\.line))")
    }

    @Test func offsetsCountSupplementaryCharactersOnce() throws {
        let breaker = try BreakIterator(.word)
        // 👍🏽 is two code points (four UTF-16 units) and one word-break segment.
        #expect(breaker.boundaries(of: "ok 👍🏽 👨‍👩‍👧 🇩🇰") == [0, 2, 3, 5, 6, 11, 12, 14])
    }
}
