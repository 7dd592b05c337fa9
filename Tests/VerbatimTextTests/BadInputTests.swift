import Testing
@testable import VerbatimText

/// What users' exports really hold: nothing crashes, every offset stays inside the text.
@Suite struct BadInputTests {
    let analyzer = try! TextAnalyzer()

    func checkOffsets(_ analyzed: AnalyzedText) {
        let count = analyzed.text.unicodeScalars.count
        for token in analyzed.tokens { #expect(token.range.upperBound <= count) }
        for sentence in analyzed.sentences {
            #expect(sentence.range.upperBound <= count)
            #expect(sentence.clauses.map(\.tokenRange.count).reduce(0, +) == sentence.tokenRange.count)
        }
    }

    @Test func invalidUTF8IsReplacedAndReported() {
        let bytes: [UInt8] = Array("Levering ".utf8) + [0xC3, 0x28, 0xFF] + Array(" god".utf8)
        let sanitized = TextSanitizer().sanitize(bytes: bytes)
        #expect(sanitized.text.contains("\u{FFFD}"))
        #expect(sanitized.problems.map(\.code) == ["invalid_utf8_replaced"])
        let analyzed = analyzer.analyze(sanitized.text)
        #expect(analyzed.tokens.map(\.text).contains("god"))
        checkOffsets(analyzed)
    }

    @Test func aWrittenReplacementCharacterIsNotAProblem() {
        #expect(TextSanitizer().sanitize(bytes: Array("ok \u{FFFD}".utf8)).problems.isEmpty)
    }

    @Test func nulBytesBecomeSpacesAndOffsetsHold() {
        let sanitized = TextSanitizer().sanitize("bad\u{0}service\u{7}")
        #expect(sanitized.text == "bad service ")
        #expect(sanitized.problems.map(\.code) == ["control_characters_replaced"])
        let analyzed = analyzer.analyze("bad\u{0}service")
        #expect(analyzed.tokens.map(\.text) == ["bad", "service"])
        checkOffsets(analyzed)
    }

    @Test func aFiveMegabyteCommentIsAnalysedWhole() {
        let sentence = "Leveringen var hurtig, men kundeservicen var elendig 😡 The app crashed!!! "
        let text = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count + 1)
        let analyzed = analyzer.analyze(text)
        #expect(analyzed.tokens.count > 800_000)
        #expect(analyzed.sentences.count > 100_000)
        #expect(analyzed.tokens.last?.range.upperBound == text.unicodeScalars.count - 1)
    }

    @Test func longCommentsAreTruncatedAtAWordWhenALimitIsSet() {
        let text = String(repeating: "word ", count: 1000)
        let sanitized = TextSanitizer(maximumScalars: 102).sanitize(text)
        #expect(sanitized.text.unicodeScalars.count <= 102)
        #expect(sanitized.text.hasSuffix("word"))
        #expect(sanitized.problems.map(\.code) == ["text_truncated"])
    }

    @Test(arguments: ["", "   \n\t ", "😡", "👍🏽👍🏽🎉", ":-(", "!!!", "10/10", "\u{FEFF}"])
    func textsWithoutWordsAreUndetermined(text: String) {
        let analyzed = analyzer.analyze(text)
        #expect(analyzed.language.language == .undetermined)
        checkOffsets(analyzed)
    }

    @Test func emptyAndWhitespaceAreReportedEmpty() {
        #expect(TextSanitizer().sanitize("").problems == [.empty])
        #expect(TextSanitizer().sanitize(" \n ").problems == [.empty])
    }

    @Test(arguments: ["服务很好，送货很快。", "الخدمة ممتازة", "שירות מצוין", "Отличный сервис", "配達が遅い"])
    func otherScriptsAreUndetermined(text: String) {
        let analyzed = analyzer.analyze(text)
        #expect(analyzed.language.language == .undetermined)
        #expect(!analyzed.tokens.isEmpty)
        #expect(!analyzed.sentences.isEmpty)
        checkOffsets(analyzed)
    }

    @Test func rightToLeftMarksAndMixedDirectionKeepOffsets() {
        let text = "\u{200F}Great service \u{202B}שירות\u{202C} fast"
        let analyzed = analyzer.analyze(text)
        #expect(analyzed.tokens.map(\.text) == ["Great", "service", "שירות", "fast"])
        checkOffsets(analyzed)
    }
}
