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
            Input: JSONL ({"id": …, "text": …} per line), or CSV/TSV with a header (delimiter sniffed: , ; or
            tab), in UTF-8, UTF-16 with BOM or Windows-1252. Every input row gives one result row, in input
            order, whatever --threads; a row that cannot be read gives a row with its line number and the
            problem in 'problems'. Output: JSONL, or a flat CSV when the output ends in .csv (cells that a
            spreadsheet would run as formulas get a leading ').

            Examples:
              verbatim classify survey.csv --text-column Comment --id-column ResponseId -o results.jsonl
              verbatim classify export.csv --text-column 4 --keep-columns Region,Date -o results.csv
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

    @Option(help: "Output format: jsonl or csv (default: from the output's extension; '-' is JSONL).")
    var outputFormat: ResultWriter.Format?

    @Option(name: .customLong("keep-columns"), parsing: .upToNextOption, help: "Input columns to copy into the output (names or 1-based indexes; comma-separated or repeated).")
    var keepColumns: [String] = []

    @Flag(help: "Write CSV cells starting with = + - @ as they are (by default they get a leading ' so that spreadsheets show them as text).")
    var noFormulaGuard = false

    @Option(help: "Worker threads (default: one per core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Also write the row accounting (rows read, written, problems by kind, rows not classified) as JSON to this file.")
    var rowReport: String?

    @Flag(help: "Exit 1 when any row had a problem.")
    var strict = false

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if let inputFormat, CommentReader.Format(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be jsonl, csv or tsv")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let compiled = try lexicons.compile()
        let source = try InputSource(path: input)
        let format = inputFormat.flatMap(CommentReader.Format.init(rawValue:)) ?? CommentReader.Format(path: input)
        let kept = keepColumns.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        let columns = CommentReader.Columns(text: textColumn, id: idColumn, language: languageColumn, touchpoint: touchpointColumn, score: scoreColumn, keep: kept)
        var stream = try CommentReader(format: format, columns: columns).open(source)
        let writer = ResultWriter(format: outputFormat ?? ResultWriter.Format(path: output), keptColumnNames: stream.keptColumnNames, formulaGuard: !noFormulaGuard)
        let sink = try OutputSink(path: output)
        let meter = isatty(STDERR_FILENO) == 1 ? ProgressMeter(totalBytes: source.size) : nil
        let account = try BatchRunner(lexicons: compiled, language: language.choice, threads: threads).run(&stream, writer: writer, to: sink) { meter?.update($0) }
        try sink.commit()
        meter?.clear()
        if stream.encoding != .utf8 { printError("\(source.name): read as \(stream.encoding.rawValue)") }
        printError(account.summary)
        if let rowReport { try Data(account.json.utf8).write(to: URL(fileURLWithPath: rowReport), options: .atomic) }
        if strict && account.rowsWithProblems > 0 { throw ExitCode.failure }
    }
}

extension ResultWriter.Format: ExpressibleByArgument {}
