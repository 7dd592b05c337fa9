import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimIO
import VerbatimText

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "One result row (JSONL) per input row: language, sentiment, themes, touch point and flags.",
        discussion: """
            Input: JSONL ({"id": …, "text": …} per line), or CSV/TSV with a header (the delimiter of a
            CSV is sniffed: , ; or tab). Every input row gives one result row, in order; a row that
            cannot be read gives a row with its line number and the problem in 'problems'.

            Examples:
              verbatim classify survey.csv --text-column Comment --id-column ResponseId -o results.jsonl
              cat comments.jsonl | verbatim classify - -o -
            """
    )

    @Argument(help: "Input file, or '-' for standard input (JSONL).")
    var input: String = "-"

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file, or '-' for standard output.")
    var output: String = "-"

    @Option(help: "Input format: jsonl, csv or tsv (default: from the extension; '-' is JSONL).")
    var inputFormat: String?

    @Option(help: "The comment column (header name or 1-based index).")
    var textColumn: String = "text"

    @Option(help: "The id column (header name or 1-based index).")
    var idColumn: String = "id"

    @Option(help: "A column holding each row's language (en/da); other values mean auto.")
    var languageColumn: String?

    @Option(help: "The touch-point / channel column (header name or 1-based index).")
    var touchpointColumn: String?

    @Option(help: "The score column (NPS 0-10, CSAT 1-5), used by flag rules.")
    var scoreColumn: String?

    @Option(help: "The comments' language: auto, en or da.")
    var language: LanguageArgument = .auto

    @Flag(help: "Exit 1 when any row had a problem.")
    var strict = false

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if let inputFormat, CommentReader.Format(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be jsonl, csv or tsv")
        }
    }

    func run() throws {
        let analyzer = try Analyzer(try lexicons.compile())
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: input))
            } catch {
                throw InputError.unreadable(source: input, reason: error.localizedDescription)
            }
        }
        let format = inputFormat.flatMap(CommentReader.Format.init(rawValue:)) ?? CommentReader.Format(path: input)
        let reader = CommentReader(format: format, columns: .init(text: textColumn, id: idColumn, language: languageColumn, touchpoint: touchpointColumn, score: scoreColumn))
        let rows = try reader.rows(data, source: input == "-" ? "<stdin>" : input)
        let sanitizer = TextSanitizer()
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        var withProblems = 0
        for row in rows {
            var problems = row.problems
            var analysis: CommentAnalysis?
            if let text = row.text {
                let sanitized = sanitizer.sanitize(text)
                problems += sanitized.problems.map { RowProblem(code: $0.code, message: $0.message) }
                var choice = language.choice
                if let code = row.language, let given = Language(code: code), given != .undetermined { choice = .given(given) }
                let score = row.score.flatMap { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) }
                if let raw = row.score, !raw.trimmingCharacters(in: .whitespaces).isEmpty, score == nil {
                    problems.append(RowProblem(code: "bad_score", message: "score '\(raw)' is not a number"))
                }
                analysis = analyzer.analyze(sanitized.text, language: choice, touchpoint: row.touchpoint, score: score)
            }
            if !problems.isEmpty { withProblems += 1 }
            lines.append(ResultRow(id: row.id, line: row.line, analysis: analysis, problems: problems).jsonLine)
        }
        let body = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        if output == "-" {
            FileHandle.standardOutput.write(Data(body.utf8))
        } else {
            try Data(body.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        }
        printError("rows read \(rows.count), rows written \(lines.count), rows with problems \(withProblems)")
        if strict && withProblems > 0 { throw ExitCode.failure }
    }
}
