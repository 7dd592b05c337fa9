import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimLexicon
import VerbatimText

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a comment gets its labels: language, sentences and clauses, tokens, sentiment with the lexicon entries and rules.",
        discussion: """
            Examples:
              verbatim explain "Leveringen var super hurtig, men chaufføren var sur 😠"
              verbatim explain --format json "The app keeps crashing!!!"
              echo "Ingen problemer" | verbatim explain -
            """
    )

    @Argument(help: "The comment to explain; '-' reads it from standard input.")
    var text: String

    @Option(help: "The comment's language: auto, en or da.")
    var language: LanguageArgument = .auto

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let comment = text == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text
        let analyzer = try Analyzer(try lexicons.compile())
        let explanation = Explanation(analyzer.analyze(comment, language: language.choice))
        switch format {
        case .text:
            print(explanation.plainText, terminator: "")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(explanation))
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--language auto|en|da`
enum LanguageArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, en, da

    var choice: TextAnalyzer.LanguageChoice {
        switch self {
        case .auto: .auto
        case .en: .given(.english)
        case .da: .given(.danish)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
