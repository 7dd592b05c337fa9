import ArgumentParser
import Foundation

@main
struct Verbatim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "Themes, sentiment and follow-up flags from customer-survey comments in English and Danish.",
        discussion: """
            Exit codes: 0 ok, 1 bad input or lexicon (the message names file:line), 2 usage.
            """,
        subcommands: [AnalyzeCommand.self, ClassifyCommand.self, ReportCommand.self, ExplainCommand.self, EvalCommand.self, LexiconCommand.self]
    )

    /// Runs the command and maps every error to the documented exit codes in one place:
    /// usage errors → 2 (argument-parser's own default is 64), everything else → 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
