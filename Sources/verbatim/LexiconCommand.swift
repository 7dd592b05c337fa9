import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimLexicon

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Tools for lexicon maintainers.",
        subcommands: [LexiconCheckCommand.self, LexiconTestCommand.self, LexiconDiffCommand.self, LexiconSuggestCommand.self, LexiconImportCommand.self, LexiconExportCommand.self]
    )
}

struct LexiconCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in a lexicon stack, like a compiler; exit 1 when there are errors.",
        discussion: """
            Checks the sentiment, modifier and settings files, themes.yaml, touchpoints.yaml and flags.yaml
            of each folder (in layer order): syntax, unknown kinds and keys, bad numbers and comparisons,
            misplaced wildcards, duplicate and conflicting entries, bad regular expressions (with their
            position), unknown theme ids, terms that can never match.

            Examples:
              verbatim lexicon check
              verbatim lexicon check lexicons lexicons/packs/restaurant
            """
    )

    @Argument(help: "Lexicon folders, in layer order (default: the bundled lexicons).")
    var folders: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        var options = LexiconOptions()
        options.folders = folders
        let stack = try LexiconStack(layers: try options.layers())
        let compiled = try CompiledLexicons(stack)
        let diagnostics = compiled.diagnostics
        let errors = diagnostics.count { $0.severity == .error }
        switch format {
        case .text:
            for diagnostic in diagnostics {
                print(diagnostic.description)
                if let hint = diagnostic.hint { print("    hint: \(hint)") }
            }
            let themes = stack.themes.themes.count
            let notes = diagnostics.count { $0.severity == .note }
            print("\(errors) error(s), \(diagnostics.count - errors - notes) warning(s), \(notes) note(s); \(stack.languages[.english]?.entries.count ?? 0) English and \(stack.languages[.danish]?.entries.count ?? 0) Danish sentiment entries, \(themes) themes, \(stack.touchpoints.touchpoints.count) touch points, \(stack.flags.flags.count) flags")
        case .json:
            let rows = diagnostics.map { diagnostic -> [String: Any] in
                ["file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column, "severity": diagnostic.severity.rawValue,
                 "code": diagnostic.code, "message": diagnostic.message, "hint": diagnostic.hint ?? ""]
            }
            let data = try JSONSerialization.data(withJSONObject: ["diagnostics": rows, "errors": errors], options: [.sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if errors > 0 { throw ExitCode.failure }
    }
}

struct LexiconTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the lexicons' *.tests.tsv cases; print each failure with an excerpt of why; exit 1 on failures.",
        discussion: """
            A test file (*.tests.tsv, in a lexicon folder or its en/ and da/ folders) has a header and the
            columns text, language (en, da, auto), label, themes, flags and touchpoint; an empty cell is not
            checked; themes and flags are ;-separated ids that must be found, -id must not be, none means none.

            Examples:
              verbatim lexicon test
              verbatim lexicon test lexicons lexicons/packs/restaurant
            """
    )

    @Argument(help: "Lexicon folders, in layer order (default: the bundled lexicons); tests of every folder run on the whole stack.")
    var folders: [String] = []

    func run() throws {
        var options = LexiconOptions()
        (options.folders, options.verbose) = (folders, false)
        let layers = try options.layers()
        let runner = LexiconTestRunner(try Analyzer(try options.compile()))
        var total = 0, failed = 0, fileErrors = 0
        for file in layers.flatMap(LexiconTestFile.files(in:)) {
            let name = file.path.hasPrefix(FileManager.default.currentDirectoryPath + "/") ? String(file.path.dropFirst(FileManager.default.currentDirectoryPath.count + 1)) : file.path
            let tests = LexiconTestFile(parsing: try String(contentsOf: file, encoding: .utf8), file: name)
            for diagnostic in tests.diagnostics { print(diagnostic.description) }
            fileErrors += tests.diagnostics.count
            for testCase in tests.cases {
                total += 1
                guard let failure = runner.run(testCase) else { continue }
                failed += 1
                print("\(testCase.origin): FAIL \"\(testCase.text)\"")
                for problem in failure.problems { print("    \(problem)") }
                let why = Explanation(failure.analysis).plainText.split(separator: "\n").prefix(14)
                for line in why { print("    | \(line)") }
            }
        }
        print("\(total - failed) of \(total) lexicon test(s) passed, \(failed) failed")
        if failed > 0 || fileErrors > 0 { throw ExitCode.failure }
    }
}
