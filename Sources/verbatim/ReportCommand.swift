import ArgumentParser
import Foundation
import VerbatimInsights
import VerbatimReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Merge one or many summary.json files and write report.html, report.md and the merged summary.json.",
        discussion: """
            Summaries of shards (files, days, Spark partitions) merge into exactly the summary of the whole.

            Example:
              verbatim report part-*.summary.json --out out/report --report-language da
            """
    )

    @Argument(help: "summary.json files (from 'verbatim analyze' or 'verbatim classify --summary-out').")
    var summaries: [String]

    @OptionGroup var report: ReportOptions

    @Option(help: "An earlier summary.json to compare with (period over period).")
    var baseline: String?

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if summaries.isEmpty { throw ValidationError("give at least one summary.json") }
    }

    func run() throws {
        var merged = Summary()
        for (index, path) in summaries.enumerated() {
            let summary = try Self.read(path)
            if index == 0 { merged = summary } else { merged.merge(summary) }
        }
        let earlier = try baseline.map(Self.read)
        let folder = try report.folder()
        let (stack, _) = try lexicons.load()
        try merged.jsonData().write(to: folder.appendingPathComponent("summary.json"), options: .atomic)
        try report.files(stack: stack, baseline: earlier).write(Insights(merged), to: folder)
        printError("merged \(summaries.count) summaries (\(merged.rows) rows) → \(folder.path)/summary.json, report.html, report.md")
    }

    static func read(_ path: String) throws -> Summary {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw SummaryError.unreadable(source: path, reason: error.localizedDescription)
        }
        return try Summary(jsonData: data, source: path)
    }
}
