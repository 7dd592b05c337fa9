import VerbatimAnalysis
import VerbatimText

/// Turns one input row into its result row: sanitises the text, applies the row's language and
/// score columns, analyses it, and collects every problem met on the way. One per worker thread
/// (it holds an `Analyzer`, with its ICU handles).
public struct RowClassifier {
    private let analyzer: Analyzer
    private let language: TextAnalyzer.LanguageChoice
    private let scoreType: ScoreType?
    private let sanitizer = TextSanitizer()

    public init(_ analyzer: Analyzer, language: TextAnalyzer.LanguageChoice, scoreType: ScoreType? = nil) {
        self.analyzer = analyzer
        self.language = language
        self.scoreType = scoreType
    }

    public func classify(_ row: InputRow) -> ResultRow {
        var problems = row.problems
        var analysis: CommentAnalysis?
        var score: Double?
        if let text = row.text {
            let sanitized = sanitizer.sanitize(text)
            problems += sanitized.problems.map { RowProblem(code: $0.code, message: $0.message) }
            var choice = language
            if let code = row.language, let given = Language(code: code), given != .undetermined { choice = .given(given) }
            let trimmedScore = row.score.map(Self.trimmed) ?? ""
            score = Self.number(trimmedScore)
            if !trimmedScore.isEmpty, score == nil {
                problems.append(RowProblem(code: "bad_score", message: "score '\(trimmedScore)' is not a number"))
            }
            analysis = analyzer.analyze(sanitized.text, language: choice, touchpoint: row.touchpoint, score: score, scoreType: scoreType)
        }
        var result = ResultRow(id: row.id, line: row.line, analysis: analysis, problems: problems, kept: row.kept)
        result.score = score
        return result
    }

    /// `text` without leading and trailing white space (as `trimmingCharacters(in: .whitespaces)`,
    /// whose cost is paid only by text that is not all ASCII).
    static func trimmed(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.trimmingCharacters(in: .whitespaces) }
        let utf8 = text.utf8
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        return first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) ? text : String(text[first...last])
    }

    /// The score in a cell as written: padded, with a decimal comma or point; nil when it is not a number.
    static func score(_ cell: String) -> Double? { number(trimmed(cell)) }

    /// A score as written: a decimal comma ("7,5", Danish) reads as a point.
    static func number(_ text: String) -> Double? {
        Double(text.contains(",") ? String(text.map { $0 == "," ? "." : $0 }) : text)
    }
}
