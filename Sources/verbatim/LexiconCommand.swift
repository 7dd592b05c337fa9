import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimLexicon

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Tools for lexicon maintainers.",
        subcommands: [LexiconCheckCommand.self]
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
            for diagnostic in diagnostics { print(diagnostic.description) }
            let themes = stack.themes.themes.count
            print("\(errors) error(s), \(diagnostics.count - errors) warning(s); \(stack.languages[.english]?.entries.count ?? 0) English and \(stack.languages[.danish]?.entries.count ?? 0) Danish sentiment entries, \(themes) themes, \(stack.touchpoints.touchpoints.count) touch points, \(stack.flags.flags.count) flags")
        case .json:
            let rows = diagnostics.map { diagnostic -> [String: Any] in
                ["file": diagnostic.file, "line": diagnostic.line, "column": diagnostic.column, "severity": diagnostic.severity.rawValue,
                 "code": diagnostic.code, "message": diagnostic.message]
            }
            let data = try JSONSerialization.data(withJSONObject: ["diagnostics": rows, "errors": errors], options: [.sortedKeys])
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
        if errors > 0 { throw ExitCode.failure }
    }
}
