import VerbatimLexicon
import VerbatimText

/// Runs lexicon test cases through the analyser and says, for each failure, what was expected
/// and what was found.
public struct LexiconTestRunner {
    public struct Failure: Sendable {
        public var testCase: LexiconTestFile.Case
        /// One line per unmet expectation.
        public var problems: [String]
        public var analysis: CommentAnalysis
    }

    private let analyzer: Analyzer

    public init(_ analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// The case's failure, or nil when every expectation holds.
    public func run(_ testCase: LexiconTestFile.Case) -> Failure? {
        let choice: TextAnalyzer.LanguageChoice = switch testCase.language {
        case "en": .given(.english)
        case "da": .given(.danish)
        default: .auto
        }
        let analysis = analyzer.analyze(testCase.text, language: choice)
        var problems: [String] = []
        if let label = testCase.label, analysis.sentiment.label.rawValue != label {
            problems.append("label: expected \(label), got \(analysis.sentiment.label.rawValue) (score \(analysis.sentiment.score))")
        }
        let themeIDs = Set(analysis.themes.flatMap { [$0.id, $0.topLevel] })
        problems += Self.check("themes", expected: testCase.themes, found: themeIDs, shown: analysis.themes.map(\.id))
        let flagIDs = Set(analysis.flags.map(\.id))
        problems += Self.check("flags", expected: testCase.flags, found: flagIDs, shown: analysis.flags.map(\.id))
        if let touchpoint = testCase.touchpoint, analysis.touchpoint.id != touchpoint {
            problems.append("touchpoint: expected \(touchpoint), got \(analysis.touchpoint.id ?? "none")")
        }
        return problems.isEmpty ? nil : Failure(testCase: testCase, problems: problems, analysis: analysis)
    }

    static func check(_ what: String, expected: [String]?, found: Set<String>, shown: [String]) -> [String] {
        guard let expected else { return [] }
        let got = shown.isEmpty ? "none" : shown.joined(separator: ", ")
        if expected.isEmpty {
            return found.isEmpty ? [] : ["\(what): expected none, got \(got)"]
        }
        var problems: [String] = []
        for id in expected {
            if id.hasPrefix("-") {
                if found.contains(String(id.dropFirst())) { problems.append("\(what): expected no \(id.dropFirst()), got \(got)") }
            } else if !found.contains(id) {
                problems.append("\(what): expected \(id), got \(got)")
            }
        }
        return problems
    }
}
