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
            Gold files are TSV with a header: 'id', 'text', 'lang' and, for sentiment, 'gold'
            (positive/negative/neutral, empty = not counted) and optionally 'rating' (the human number).
            The corpora's 'sentiment' column is read as 'gold' when there is none.

            --task sentiment (default): accuracy and macro-F1 over rows with a gold label, Pearson r
            between score and rating, the confusion table and the worst errors. Labels come from the
            score: > 0.05 positive, < -0.05 negative, else neutral.
            --task themes: the top-level ids of the themes found against the 'themes' column
            (';'-separated), per theme P/R/F1, micro and macro over the labels the file uses; with a
            'touchpoint' column also touch-point accuracy, from the text alone and from the column.
            --task language: each text is identified and compared with its 'lang' column, for texts of
            5 or more words and of 1-4 words, with the confusion table.

            Examples:
              verbatim eval ../shared/data/en_vader_tweets.tsv --worst 10
              verbatim eval --task language corpora/en/*.tsv corpora/da/*.tsv
            """
    )

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case sentiment, language, themes
    }

    @Argument(help: "Gold TSV files.")
    var files: [String]

    @Option(help: "What to measure.")
    var task: Task = .sentiment

    @Option(help: "Sentiment: the language of the rows: 'column' (the file's 'lang'), auto, en or da.")
    var language: String = "column"

    @Option(help: "Language task: identification method: combined (the product), evidence or cld2.")
    var method: MethodArgument = .combined

    @Option(help: "Language task: the language of every row, for files without a 'lang' column.")
    var expectLanguage: String?

    @Option(help: "Print the N most confidently wrong rows (sentiment) or up to N misidentified texts of 5+ words (language).")
    var worst: Int = 0

    @Option(help: "Sentiment: write id, gold, predicted label and score per row to this TSV file.")
    var predictions: String?

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if !["column", "auto", "en", "da"].contains(language) {
            throw ValidationError("--language must be column, auto, en or da")
        }
    }

    func run() throws {
        switch task {
        case .language: try runLanguage()
        case .sentiment: try runSentiment()
        case .themes: try runThemes()
        }
    }

    private func runSentiment() throws {
        let analyzer = try Analyzer(try lexicons.compile())
        var predictionLines = ["id\tgold\tpredicted\tlabel\tscore"]
        for file in files {
            let gold = try GoldTSV(contentsOf: URL(fileURLWithPath: file))
            try gold.require("text")
            for problem in gold.problems { printError(problem) }
            let goldColumn = gold.header.contains("gold") ? "gold" : "sentiment"
            var evaluation = SentimentEvaluation()
            for row in gold.rows {
                let choice: TextAnalyzer.LanguageChoice
                switch language {
                case "auto": choice = .auto
                case "en": choice = .given(.english)
                case "da": choice = .given(.danish)
                default: choice = Language(code: row["lang"] ?? "").map { $0 == .undetermined ? .auto : .given($0) } ?? .auto
                }
                let text = row["text"] ?? ""
                let result = analyzer.analyze(text, language: choice)
                let id = row["id"] ?? "line \(row.line)"
                evaluation.add(
                    id: id, text: text, gold: row[goldColumn], rating: row["rating"].flatMap(Double.init), score: result.sentiment.score,
                    productLabel: result.sentiment.label.rawValue)
                predictionLines.append("\(id)\t\(row[goldColumn] ?? "")\t\(evaluation.label(for: result.sentiment.score))\t\(result.sentiment.label.rawValue)\t\(result.sentiment.score)")
            }
            print(evaluation.report(title: file, worst: worst))
        }
        if let predictions {
            try (predictionLines.joined(separator: "\n") + "\n").write(toFile: predictions, atomically: true, encoding: .utf8)
        }
    }

    private func runThemes() throws {
        let analyzer = try Analyzer(try lexicons.compile())
        for file in files {
            let gold = try GoldTSV(contentsOf: URL(fileURLWithPath: file))
            try gold.require("text")
            try gold.require("themes")
            for problem in gold.problems { printError(problem) }
            var evaluation = ThemeEvaluation()
            for row in gold.rows {
                let text = row["text"] ?? ""
                let choice: TextAnalyzer.LanguageChoice = Language(code: row["lang"] ?? "").map { $0 == .undetermined ? .auto : .given($0) } ?? .auto
                let result = analyzer.analyze(text, language: choice)
                let goldThemes = Set((row["themes"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                evaluation.add(id: row["id"] ?? "line \(row.line)", text: text, gold: goldThemes, hits: result.themes)
                if let touchpoint = row["touchpoint"], !touchpoint.isEmpty {
                    let fromColumn = analyzer.lexicons.touchpoints.id(forColumnValue: touchpoint)
                    evaluation.addTouchpoint(gold: touchpoint, detected: result.touchpoint.id, fromColumn: fromColumn)
                }
            }
            print(evaluation.report(title: file, worst: worst))
        }
    }

    private func runLanguage() throws {
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
                if predicted != expected, words >= 5, errorsShown < worst {
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
