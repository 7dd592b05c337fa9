import Foundation
import Testing
import VerbatimText
@testable import VerbatimAnalysis

/// Our own corpora are regression tests: the product's sentiment labels (with `mixed`) and
/// top-level themes must stay at least as good as the figures reported in the README (sentiment
/// accuracy 0.576 English, 0.619 Danish; theme micro-F1, on the labels of the settled guide,
/// 0.854 / 0.858 on the survey comments, 0.890 / 0.888 on the support queries, 0.878 / 0.859 on
/// the first held-out comments (tuned on since) and 0.794 / 0.800 on the second, blind, held-out
/// comments).
@Suite struct CorpusRegressionTests {
    let analyzer = try! Analyzer(SentimentScorerTests.lexicons)

    func rows(_ file: String) throws -> [[String]] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/\(file)")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func accuracy(_ language: String) throws -> Double {
        let lines = try rows("\(language)/survey-comments.tsv")
        var correct = 0
        for fields in lines {
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

    /// Theme micro-F1 over a gold file's top-level labels, as `verbatim eval --task themes` reports it.
    func themeF1(_ file: String) throws -> Double {
        var evaluation = ThemeEvaluation()
        for fields in try rows(file) {
            let result = analyzer.analyze(fields[4], language: .given(Language(code: fields[1])!))
            evaluation.add(id: fields[0], text: fields[4], gold: Set(fields[6].split(separator: ";").map(String.init)), hits: result.themes)
        }
        return evaluation.microF1
    }

    /// Each file's floor: the survey comments, the support queries and the first and second
    /// held-out comments (all tuned on), and the third held-out comments, which are blind — only
    /// their figure is used; no rule is written from their misses (`corpora/README.md`).
    @Test(arguments: [
        ("en/survey-comments.tsv", 0.855), ("da/survey-comments.tsv", 0.86),
        ("en/support-queries.tsv", 0.90), ("da/support-queries.tsv", 0.90),
        ("en/holdout-comments.tsv", 0.88), ("da/holdout-comments.tsv", 0.855),
        ("en/holdout2-comments.tsv", 0.88), ("da/holdout2-comments.tsv", 0.885),
        ("en/holdout3-comments.tsv", 0.78), ("da/holdout3-comments.tsv", 0.78),
    ])
    func themeMicroF1StaysAtItsFloor(file: String, floor: Double) throws {
        #expect(try themeF1(file) >= floor)
    }
}
