import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimInsights
import VerbatimIO
import VerbatimLexicon

struct LexiconDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a lexicon change does to a corpus: label transitions, themes and flags gained and lost, the most changed rows.",
        discussion: """
            Both stacks classify every row of CORPUS (any input format of classify; all cores). When the corpus
            has gold 'sentiment' and 'themes' columns, the change in accuracy and theme micro-F1 is shown too.

            Example:
              verbatim lexicon diff --base lexicons --head lexicons --head my-layer corpora/en/survey-comments.tsv
            """
    )

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The lexicon folders before the change, in layer order.", valueName: "DIR"))
    var base: [String]

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The lexicon folders after the change, in layer order.", valueName: "DIR"))
    var head: [String]

    @OptionGroup var input: InputOptions

    @Option(help: "Output: text, markdown or json.")
    var format: DiffFormatArgument = .text

    func run() throws {
        // `--head DIR… CORPUS`: the folder lists run up to the next option, so a corpus written last
        // arrives as the last "folder"; it is the input when it is a file.
        var (base, head, options) = (base, head, input)
        var isDirectory: ObjCBool = false
        for list in [\Self.head, \Self.base] where options.input == "-" {
            let folders = self[keyPath: list]
            if let last = folders.last, FileManager.default.fileExists(atPath: last, isDirectory: &isDirectory), !isDirectory.boolValue {
                options.input = last
                if list == \Self.head { head.removeLast() } else { base.removeLast() }
            }
        }
        var baseOptions = LexiconOptions(), headOptions = LexiconOptions()
        (baseOptions.folders, baseOptions.verbose) = (base, false)
        (headOptions.folders, headOptions.verbose) = (head, false)
        // The two stacks load at the same time (loading is most of the time on a small corpus).
        let (baseStack, headStack) = (baseOptions, headOptions)
        let loaded = ParallelPair { try baseStack.compile() } and: { try headStack.compile() }
        let (baseLexicons, headLexicons) = (try loaded.first.get(), try loaded.second.get())
        // Gold columns when the corpus has them.
        var goldSentiment: Int?, goldThemes: Int?
        options.keepColumns = ["sentiment", "themes"]
        var opened = try? options.open()
        if opened != nil {
            (goldSentiment, goldThemes) = (0, 1)
        } else {
            options.keepColumns = ["sentiment"]
            opened = try? options.open()
            if opened != nil { goldSentiment = 0 } else { options.keepColumns = []; opened = try options.open() }
        }
        var stream = opened!.stream
        let diff = try LexiconDiff.run(
            &stream, base: baseLexicons, head: headLexicons, language: input.language.choice, threads: input.threads, goldSentiment: goldSentiment, goldThemes: goldThemes)
        print(diff.report(format.value), terminator: "")
    }
}

enum DiffFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
    var value: LexiconDiff.ReportFormat { LexiconDiff.ReportFormat(rawValue: rawValue)! }
}

struct LexiconSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Candidate lexicon entries from your own comments, as a TSV to edit: uncovered words and phrases that go with low or high scores.",
        discussion: """
            Example:
              verbatim lexicon suggest corpora/sample-export.csv --text-column Comment --score-column NPS -o suggestions.tsv
            """
    )

    @OptionGroup var input: InputOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "The TSV to write, or '-' for standard output.")
    var output: String = "-"

    @Option(help: "How many suggestions.")
    var limit: Int = 50

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        var (_, stream) = try input.open()
        let (stack, compiled) = try lexicons.load()
        let runner = BatchRunner(lexicons: compiled, language: input.language.choice, threads: input.threads)
        let (_, suggester) = try runner.run(&stream, writer: ResultWriter(format: .jsonl), to: OutputSink(discarding: ()), summarizing: LexiconSuggester.self, options: ())
        let suggestions = suggester.suggestions(limit: limit, existing: stack.existingTerms)
        let text = LexiconSuggester.tsv(suggestions, scored: suggester.scores.count >= max(10, suggester.comments / 2))
        try writeAtomically(text, to: output)
    }
}

struct LexiconImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an AFINN, VADER or plain word list into a Verbatim sentiment file, valences rescaled to -4..+4.",
        discussion: """
            Example:
              verbatim lexicon import --from afinn AFINN-da-32.txt -o my-layer/da/sentiment-afinn.tsv
            """
    )

    @Option(help: "The source format: afinn (-5..+5), vader (vader_lexicon.txt) or plain (term, value).")
    var from: ConverterFormatArgument

    @Argument(help: "The word list to convert.")
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The sentiment file to write, or '-'.")
    var output: String = "-"

    @Option(help: "For --from plain: the list's scale, ±N (e.g. 1 for -1..+1, 5 for -5..+5).")
    var scale: Double = 4

    func run() throws {
        let contents = try readText(file)
        let result = LexiconConverter.importing(contents, format: from.value, source: file, plainScale: scale)
        for diagnostic in result.diagnostics { printError(diagnostic.description) }
        try writeAtomically(result.text, to: output)
        printError("imported \(result.entries) entries from \(file)")
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
    }
}

struct LexiconExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a Verbatim sentiment file as an AFINN (-5..+5 integers), VADER or plain word list.",
        discussion: """
            Example:
              verbatim lexicon export --to afinn lexicons/da/sentiment.tsv -o sentiment-da-afinn.txt
            """
    )

    @Option(help: "The target format: afinn, vader or plain.")
    var to: ConverterFormatArgument

    @Argument(help: "A Verbatim sentiment file (term<TAB>valence).")
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write, or '-'.")
    var output: String = "-"

    func run() throws {
        let result = LexiconConverter.exporting(try readText(file), format: to.value, source: file)
        for diagnostic in result.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        try writeAtomically(result.text, to: output)
        printError("exported \(result.entries) entries to \(output == "-" ? "standard output" : output)")
    }
}

enum ConverterFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case afinn, vader, plain
    var value: LexiconConverter.Format { LexiconConverter.Format(rawValue: rawValue)! }
}

/// Writes `text` to a file (atomically) or, for `-`, to standard output.
func writeAtomically(_ text: String, to path: String) throws {
    let sink = try OutputSink(path: path)
    try sink.write(text)
    try sink.commit()
}

/// A text file's contents, or a clear error naming it.
func readText(_ path: String) throws -> String {
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw InputError.unreadable(source: path, reason: error.localizedDescription)
    }
}

/// Runs two independent jobs on two threads and keeps both outcomes.
struct ParallelPair<Value: Sendable>: @unchecked Sendable {
    var first: Result<Value, any Error>
    var second: Result<Value, any Error>

    init(_ first: @escaping @Sendable () throws -> Value, and second: @escaping @Sendable () throws -> Value) {
        var results: [Result<Value, any Error>?] = [nil, nil]
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                slots.buffer[index] = Result { try (index == 0 ? first : second)() }
            }
        }
        (self.first, self.second) = (results[0]!, results[1]!)
    }

    private struct Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<Value, any Error>?>
    }
}
