import Testing
@testable import VerbatimText

/// The sentence segmenter's fast breaker must give exactly ICU's sentence boundaries on every text
/// it accepts.
@Suite struct LatinSentenceBreakerTests {
    /// Compares the fast path with ICU on each text; returns how many it accepted and the texts
    /// where the two differ.
    static func compare(_ texts: some Sequence<String>) throws -> (accepted: Int, differing: [String]) {
        let icu = try BreakIterator(.sentence, locale: "")
        var fast = LatinSentenceBreaker()
        var accepted = 0
        var differing: [String] = []
        for text in texts {
            let units = Array(text.utf16)
            units.withUnsafeBufferPointer { buffer in
                guard let mine = fast.boundaries(of: buffer) else { return }
                accepted += 1
                if Array(mine) != Array(icu.segments(of: buffer).boundaries) { differing.append(text) }
            }
        }
        return (accepted, differing)
    }

    @Test func randomStringsOfTheAlphabetBreakAsICUBreaksThem() throws {
        // Terminators, closing marks, spaces, continuations, both cases of letters, digits, line breaks.
        let alphabet: [String] = [
            "a", "b", "Z", "Ø", "æ", "ß", "É", "1", "0", ".", "!", "?", "…", ")", "(", "\"", "'", "’", "”", "«", "»", " ", "  ",
            "\t", "\u{A0}", "\n", "\r", "\r\n", "\u{0C}", ",", "-", ":", ";", "–", "@", "#", "😀", "👍🏽", "❤️", "©",
        ]
        let dense = ["a", "A", "1", ".", "!", "?", ")", "\"", " ", "\n", ",", ":", "-", "😀"]
        let texts = LatinWordBreakerTests.randomTexts(from: [alphabet, dense], seed: 86)
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count * 3 / 4)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5).map { $0.debugDescription })")
    }

    @Test func ourCorporaBreakAsICUBreaksThem() throws {
        let texts = try LatinWordBreakerTests.corpusLines()
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count * 9 / 10)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3))")
    }

    @Test(.enabled(if: LatinWordBreakerTests.sharedDataAvailable, "needs ../shared/data"))
    func theEvaluationSetsBreakAsICUBreaksThem() throws {
        let texts = try LatinWordBreakerTests.lines(under: LatinWordBreakerTests.sharedData)
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count / 2)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3))")
    }

    @Test(.enabled(if: UnicodeConformanceTests.available, "needs Debian's unicode-data"))
    func applicableLinesOfSentenceBreakTestBreakAsICUBreaksThem() throws {
        let cases = try UnicodeConformanceTests.cases("SentenceBreakTest.txt")
        let texts = cases.map { String(String.UnicodeScalarView($0.codePoints.compactMap(Unicode.Scalar.init))) }
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > 50)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3).map { $0.debugDescription })")
    }

    @Test func textOutsideTheAlphabetIsLeftToICU() {
        var fast = LatinSentenceBreaker()
        for text in ["Hi.\u{2029}Yes", "Soft\u{AD}ly.", "a🏽", "Привет. Да", "日本。"] {
            let units = Array(text.utf16)
            #expect(units.withUnsafeBufferPointer { fast.boundaries(of: $0) } == nil, "\(text.debugDescription)")
        }
    }
}
