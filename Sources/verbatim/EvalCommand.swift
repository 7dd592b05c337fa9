import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimIO
import VerbatimText

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure Verbatim against gold-labelled TSV files.",
        discussion: """
            --task language: every row's text is identified and compared with its 'lang' column
            (or --expect-language for files without one); figures are printed per file and in total,
            for texts of 5 or more words and of 1-4 words, with the confusion table.

            Example:
              verbatim eval --task language corpora/en/*.tsv corpora/da/*.tsv
            """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case language
    }

    @Argument(help: "Gold TSV files (header line; columns 'text' and 'lang').")
    var files: [String]

    @Option(help: "What to measure.")
    var task: Task

    @Option(help: "Identification method: combined (the product), evidence (own evidence only) or cld2 (CLD2 only).")
    var method: MethodArgument = .combined

    @Option(help: "The language of every row, for files without a 'lang' column.")
    var expectLanguage: String?

    @Option(help: "Print up to N misidentified texts of 5 or more words.")
    var showErrors: Int = 0


    func run() throws {
        let tokenizer = try Tokenizer()
        let identifier = LanguageIdentifier(method: method.method)
        var total = LanguageEvaluation()
        var errorsShown = 0
        for file in files {
            let gold = try GoldTSV(contentsOf: URL(fileURLWithPath: file))
            try gold.require("text")
            for problem in gold.problems { printError(problem) }
            if expectLanguage == nil { try gold.require("lang") }
            var evaluation = LanguageEvaluation()
            for row in gold.rows {
                let code = expectLanguage ?? row["lang"] ?? ""
                guard let expected = Language(code: code), expected != .undetermined else {
                    printError("\(file):\(row.line): unknown language '\(code)'; row skipped")
                    continue
                }
                let text = row["text"] ?? ""
                let tokens = tokenizer.tokenize(text)
                let predicted = identifier.identify(text, tokens: tokens).language
                let words = tokens.count { $0.kind == .word }
                evaluation.add(gold: expected, predicted: predicted, wordCount: words)
                if predicted != expected, words >= 5, errorsShown < showErrors {
                    errorsShown += 1
                    printError("  miss \(file):\(row.line) \(expected.code)→\(predicted.code): \(text.prefix(160))")
                }
            }
            print(evaluation.report(title: "\(file) [\(method.rawValue)]"))
            total.merge(evaluation)
        }
        if files.count > 1 { print(total.report(title: "all files [\(method.rawValue)]")) }
    }
}

enum MethodArgument: String, ExpressibleByArgument, CaseIterable {
    case combined, evidence, cld2

    var method: LanguageIdentifier.Method {
        switch self {
        case .combined: .combined
        case .evidence: .evidence
        case .cld2: .cld2
        }
    }
}
