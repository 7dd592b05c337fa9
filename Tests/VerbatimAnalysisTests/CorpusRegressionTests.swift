import Foundation
import Testing
import VerbatimText
@testable import VerbatimAnalysis

/// Our own corpora are regression tests: the product's labels (with `mixed`) must stay at least
/// as accurate as the figures reported in the README (measured 0.567 English, 0.617 Danish).
@Suite struct CorpusRegressionTests {
    let analyzer = try! Analyzer(SentimentScorerTests.lexicons)

    func accuracy(_ language: String) throws -> Double {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/\(language)/survey-comments.tsv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        var correct = 0
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let result = analyzer.analyze(fields[4], language: .given(Language(code: fields[1])!))
            if result.sentiment.label.rawValue == fields[5] { correct += 1 }
        }
        #expect(lines.count >= 400)
        return Double(correct) / Double(lines.count)
    }

    @Test func englishCorpus() throws {
        #expect(try accuracy("en") >= 0.56)
    }

    @Test func danishCorpus() throws {
        #expect(try accuracy("da") >= 0.61)
    }
}
