import ArgumentParser
import Foundation
import VerbatimIO

/// The input of `classify` and `analyze`: the file, its format and which columns hold what.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input file, or '-' for standard input (JSONL unless --input-format says otherwise).")
    var input: String = "-"

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

    @Option(help: "The score column (NPS 0-10, CSAT 1-5), used by flag rules and drivers.")
    var scoreColumn: String?

    @Option(help: "The comments' language: auto, en or da.")
    var language: LanguageArgument = .auto

    @Option(name: .customLong("keep-columns"), parsing: .upToNextOption, help: "Input columns to copy into the output (names or 1-based indexes; comma-separated or repeated).")
    var keepColumns: [String] = []

    @Option(help: "Worker threads (default: one per core).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let inputFormat, CommentReader.Format(rawValue: inputFormat) == nil {
            throw ValidationError("--input-format must be jsonl, csv or tsv")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The `--keep-columns` given.
    var keptColumns: [String] {
        keepColumns.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    /// Opens the input as a stream of rows (the header read, the columns resolved); `extraColumns`
    /// are kept after the `--keep-columns` for the summary's own use.
    func open(extraColumns: [String] = []) throws -> (source: InputSource, stream: CommentStream) {
        let source = try InputSource(path: input)
        let format = inputFormat.flatMap(CommentReader.Format.init(rawValue:)) ?? CommentReader.Format(path: input)
        let kept = keptColumns + extraColumns
        let columns = CommentReader.Columns(text: textColumn, id: idColumn, language: languageColumn, touchpoint: touchpointColumn, score: scoreColumn, keep: kept)
        return (source, try CommentReader(format: format, columns: columns).open(source))
    }
}
