import ArgumentParser
import Foundation
import VerbatimInsights
import VerbatimIO

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "One result row (JSONL or CSV) per input row: language, sentiment, themes, touch point and flags.",
        discussion: """
            Input: JSONL ({"id": …, "text": …} per line), or CSV/TSV with a header (delimiter sniffed: , ; or
            tab), in UTF-8, UTF-16 with BOM or Windows-1252. Every input row gives one result row, in input
            order, whatever --threads; a row that cannot be read gives a row with its line number and the
            problem in 'problems'. Output: JSONL, or a flat CSV when the output ends in .csv (cells that a
            spreadsheet would run as formulas get a leading ').

            Examples:
              verbatim classify survey.csv --text-column Comment --id-column ResponseId -o results.jsonl
              verbatim classify export.csv --text-column 4 --keep-columns Region,Date -o results.csv
              cat comments.jsonl | verbatim classify - -o - --summary-out part-0001.summary.json
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Output file, or '-' for standard output.")
    var output: String = "-"

    @Option(help: "Output format: jsonl or csv (default: from the output's extension; '-' is JSONL).")
    var outputFormat: ResultWriter.Format?

    @Flag(help: "Write CSV cells starting with = + - @ as they are (by default they get a leading ' so that spreadsheets show them as text).")
    var noFormulaGuard = false

    @Option(help: "Also write the mergeable summary of the rows (for 'verbatim report') to this file.")
    var summaryOut: String?

    @OptionGroup var summaryOptions: SummaryOptions

    @Option(help: "Also write the row accounting (rows read, written, problems by kind, rows not classified) as JSON to this file.")
    var rowReport: String?

    @Flag(help: "Exit 1 when any row had a problem.")
    var strict = false

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let compiled = try lexicons.compile()
        var (source, stream) = try input.open(extraColumns: summaryOut == nil ? [] : summaryOptions.extraColumns())
        let userKept = input.keptColumns.count
        let writer = ResultWriter(
            format: outputFormat ?? ResultWriter.Format(path: output), keptColumnNames: Array(stream.keptColumnNames.prefix(userKept)), formulaGuard: !noFormulaGuard)
        let sink = try OutputSink(path: output)
        let meter = isatty(STDERR_FILENO) == 1 ? ProgressMeter(totalBytes: source.size) : nil
        let runner = BatchRunner(lexicons: compiled, language: input.language.choice, threads: input.threads, scoreType: summaryOptions.scoreType.value)
        let account: RowAccount
        if let summaryOut {
            let result = try runner.run(&stream, writer: writer, to: sink, summarizing: SummaryBuilder.self, options: summaryOptions.builderOptions(alreadyKept: userKept), progress: { meter?.update($0) })
            try result.summary.summary.jsonData().write(to: URL(fileURLWithPath: summaryOut), options: .atomic)
            account = result.account
        } else {
            account = try runner.run(&stream, writer: writer, to: sink) { meter?.update($0) }
        }
        try sink.commit()
        meter?.clear()
        if stream.encoding != .utf8 { printError("\(source.name): read as \(stream.encoding.rawValue)") }
        printError(account.summary)
        if let rowReport { try Data(account.json.utf8).write(to: URL(fileURLWithPath: rowReport), options: .atomic) }
        if strict && account.rowsWithProblems > 0 { throw ExitCode.failure }
    }
}

extension ResultWriter.Format: ExpressibleByArgument {}
