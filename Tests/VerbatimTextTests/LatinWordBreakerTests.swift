import CICU
import Foundation
import Testing
@testable import VerbatimText

/// The tokenizer's fast word breaker must give exactly ICU's boundaries and rule statuses on every
/// text it accepts; these tests compare the two wherever real and generated text can reach.
@Suite struct LatinWordBreakerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    static let sharedData = root.appendingPathComponent("../shared/data")
    static let sharedDataAvailable = FileManager.default.fileExists(atPath: sharedData.path)

    /// Compares the fast path with ICU on each text; returns how many it accepted and the texts
    /// where the two differ.
    static func compare(_ texts: some Sequence<String>) throws -> (accepted: Int, differing: [String]) {
        let icu = try BreakIterator(.word, locale: "")
        var fast = LatinWordBreaker()
        var accepted = 0
        var differing: [String] = []
        for text in texts {
            let units = Array(text.utf16)
            units.withUnsafeBufferPointer { buffer in
                guard let mine = fast.segments(of: buffer) else { return }
                accepted += 1
                let theirs = icu.segments(of: buffer)
                if Array(mine.boundaries) != Array(theirs.boundaries) || Array(mine.statuses) != Array(theirs.statuses) {
                    differing.append(text)
                }
            }
        }
        return (accepted, differing)
    }

    /// Every line of every file in a folder (the text column and the rest: more text to compare).
    static func lines(under folder: URL) throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { ["tsv", "csv", "txt", "jsonl"].contains($0.pathExtension) }
        return try files.flatMap { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n").map(String.init) }
    }

    /// 30,000 strings of up to 23 characters from each alphabet, the same on every run.
    static func randomTexts(from alphabets: [[String]], seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return alphabets.flatMap { characters in
            (0..<30_000).map { _ in
                let length = Int(generator.next() % 24)
                return (0..<length).map { _ in characters[Int(generator.next() % UInt64(characters.count))] }.joined()
            }
        }
    }

    /// Every line of our English and Danish corpora.
    static func corpusLines() throws -> [String] {
        try lines(under: root.appendingPathComponent("corpora/en")) + lines(under: root.appendingPathComponent("corpora/da"))
    }

    @Test func everyCharacterOfTheAlphabetHasICUsWordBreakProperty() {
        // UWordBreakValues: the property each class stands for.
        let expected: [LatinWordBreaker.WordBreakClass: Set<Int32>] = [
            .other: [0, 16],  // Other; Double_Quote acts as Other away from Hebrew letters
            .carriageReturn: [8], .lineFeed: [10], .newline: [12], .space: [22], .letter: [1], .numeric: [6],
            .midNumber: [5], .midNumberOrLetter: [11, 15], .emojiExtend: [9],
        ]
        var checked = 0
        for scalar in UInt32(0)...0x1FFFF where !(0xD800...0xDFFF).contains(scalar) {
            let wordBreakClass = LatinWordBreaker.wordBreakClass(of: scalar)
            guard wordBreakClass != .unsupported else { continue }
            checked += 1
            let property = vt_word_break_property(Int32(scalar))
            if scalar == 0x3A || scalar == 0x40 {
                #expect(property == (scalar == 0x3A ? 4 : 0))  // ':' MidLetter, '@' Other: tailored by CLDR's root locale
                continue
            }
            #expect(expected[wordBreakClass]!.contains(property), "U+\(String(scalar, radix: 16, uppercase: true)): \(property)")
        }
        #expect(checked > 1500)
    }

    @Test func randomStringsOfTheAlphabetBreakAsICUBreaksThem() throws {
        let alphabet: [String] = [
            "a", "Z", "e", "æ", "Ø", "å", "é", "ü", "ß", "ÿ", "ā", "ǆ", "µ", "ª", "0", "7", " ", "  ", "\n", "\r", "\r\n",
            "\u{0B}", "\u{0C}", "\t", ".", ",", ";", ":", "'", "\"", "’", "‘", "-", "–", "—", "!", "?", "(", ")", "/", "&",
            "%", "+", "@", "#", "$", "€", "£", "…", "“", "”", "\u{A0}", "\u{0}", "😀", "🚀", "🤔", "❤", "☺", "™", "→", "×",
            "👍🏽", "❤️", "\u{FE0F}", "🏻", "\u{FE0E}",
        ]
        // Then the characters the rules between letters and digits turn on, packed close together.
        let dense = ["a", "ø", "@", "1", "0", ".", ",", ";", ":", "'", "’", " ", "\n", "\r", "-", "€"]
        let texts = Self.randomTexts(from: [alphabet, dense], seed: 29)
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count * 3 / 4)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(5).map { $0.debugDescription })")
    }

    @Test func ourCorporaBreakAsICUBreaksThem() throws {
        let texts = try Self.corpusLines()
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count * 9 / 10)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3))")
    }

    @Test(.enabled(if: sharedDataAvailable, "needs ../shared/data"))
    func theEvaluationSetsBreakAsICUBreaksThem() throws {
        let texts = try Self.lines(under: Self.sharedData)
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > texts.count / 2)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3))")
    }

    @Test(.enabled(if: UnicodeConformanceTests.available, "needs Debian's unicode-data"))
    func applicableLinesOfWordBreakTestBreakAsICUBreaksThem() throws {
        let cases = try UnicodeConformanceTests.cases("WordBreakTest.txt")
        let texts = cases.map { String(String.UnicodeScalarView($0.codePoints.compactMap(Unicode.Scalar.init))) }
        let (accepted, differing) = try Self.compare(texts)
        #expect(accepted > 100)
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3).map { $0.debugDescription })")
    }

    @Test func textOutsideTheAlphabetIsLeftToICU() {
        var fast = LatinWordBreaker()
        for text in ["snake_case", "cafe\u{301}", "a🏽", " \u{FE0F}", "🏽", "👨‍👩‍👧", "🇩🇰", "привет", "日本", "soft\u{AD}hyphen", "a·b"] {
            let units = Array(text.utf16)
            #expect(units.withUnsafeBufferPointer { fast.segments(of: $0) } == nil, "\(text.debugDescription)")
        }
    }

    @Test func tokensAreTheSameWhicheverBreakerRuns() throws {
        // The same words in text the fast path takes and, behind a combining mark far away, text it leaves to ICU.
        let tokenizer = try Tokenizer()
        let plain = "Leveringen var 2 dage for sen, men chaufføren var sød :) 10/10 – I'd rate it 4.5!!! 😀"
        let fast = tokenizer.tokenize(plain).map(\.text)
        let slow = tokenizer.tokenize(plain + " e\u{301}").map(\.text)
        #expect(Array(slow.dropLast()) == fast)
    }
}
