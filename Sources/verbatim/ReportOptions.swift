import ArgumentParser
import Foundation
import VerbatimInsights
import VerbatimLexicon
import VerbatimReport

/// Where and how `analyze` and `report` write the report.
struct ReportOptions: ParsableArguments {
    @Option(help: "The folder to write into (created when missing).")
    var out: String

    @Option(help: "The report's language: en or da.")
    var reportLanguage: ReportLanguageArgument = .en

    @Option(help: "The period of 'what changed' and the charts: week, month or quarter.")
    var period: PeriodArgument = .month

    /// The output folder, created when missing.
    func folder() throws -> URL {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        return URL(fileURLWithPath: out)
    }

    /// The report writer, with the stack's labels in the report's language.
    func files(stack: LexiconStack, baseline: Summary? = nil) -> ReportFiles {
        let language = reportLanguage.value
        return ReportFiles(renderer: ReportRenderer(language: language, labels: stack.labels(in: language == .da ? .danish : .english), period: period.value, baseline: baseline))
    }
}
