import ArgumentParser
import Foundation
import VerbatimInsights
import VerbatimIO
import VerbatimReport
import VerbatimText

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The main job: classify an export and write results, summary, flagged comments and the report.",
        discussion: """
            Writes into --out: results.jsonl (one row per input row), summary.json (the mergeable
            summary), flagged.csv (every flagged comment, most urgent first within input order), report.html
            (open in a browser; one file, no network) and report.md (the same findings for e-mail or chat).

            Example:
              verbatim analyze corpora/sample-export.csv --text-column comment --touchpoint-column channel \\
                --score-column nps --out out/report
            """
    )

    @OptionGroup var input: InputOptions

    @OptionGroup var report: ReportOptions

    @OptionGroup var summaryOptions: SummaryOptions

    @Flag(help: "Exit 1 when any row had a problem.")
    var strict = false

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let (stack, compiled) = try lexicons.load()
        let folder = try report.folder()
        var (source, stream) = try input.open(extraColumns: summaryOptions.extraColumns())
        let userKept = input.keptColumns.count
        let writer = ResultWriter(format: .jsonl, keptColumnNames: Array(stream.keptColumnNames.prefix(userKept)))
        let results = try OutputSink(path: folder.appendingPathComponent("results.jsonl").path)
        let meter = isatty(STDERR_FILENO) == 1 ? ProgressMeter(totalBytes: source.size) : nil
        let runner = BatchRunner(lexicons: compiled, language: input.language.choice, threads: input.threads, scoreType: summaryOptions.scoreType.value)
        // flagged.csv: most urgent first, input order within a severity — one temporary file per
        // severity, written chunk by chunk, joined at the end (memory stays flat).
        let flagged = try OutputSink(path: folder.appendingPathComponent("flagged.csv").path)
        let parts = try FlagSeverityOrder.order.map { try OutputSink(path: folder.appendingPathComponent(".flagged-\($0).csv").path) }
        var flagCount = 0
        // At-risk candidates wait in a file of their own until the median value is known.
        let candidatesPath = folder.appendingPathComponent(".at-risk-candidates.jsonl").path
        let candidates = try OutputSink(path: candidatesPath)
        let encoder = JSONEncoder()
        let (account, collected) = try runner.run(
            &stream, writer: writer, to: results, summarizing: AnalysisAccumulator.self, options: summaryOptions.builderOptions(alreadyKept: userKept),
            eachChunk: { chunk in
                for (severity, line) in chunk.takeFlaggedLines() {
                    try parts[min(FlagSeverityOrder.rank(severity), parts.count - 1)].write(line)
                    flagCount += 1
                }
                for candidate in chunk.takeValueCandidates() {
                    try candidates.write(String(decoding: try encoder.encode(candidate), as: UTF8.self) + "\n")
                }
            }, progress: { meter?.update($0) })
        try results.commit()
        meter?.clear()
        try candidates.commit()
        let insights = Insights(collected.summary)
        var atRisk = 0
        if let lines = try? String(contentsOfFile: candidatesPath, encoding: .utf8) {
            for line in lines.split(separator: "\n") {
                let candidate = try JSONDecoder().decode(AnalysisAccumulator.AtRiskCandidate.self, from: Data(line.utf8))
                guard insights.isAtRisk(score: candidate.score, value: candidate.value) else { continue }
                try parts[FlagSeverityOrder.rank("high")].write(candidate.line)
                atRisk += 1
            }
        }
        unlink(candidatesPath)
        flagCount += atRisk
        try flagged.write(AnalysisAccumulator.flaggedHeader)
        for part in parts {
            try part.commit()
            try flagged.append(contentsOf: part)
        }
        try flagged.commit()

        let summary = collected.summary
        try summary.jsonData().write(to: folder.appendingPathComponent("summary.json"), options: .atomic)
        try report.files(stack: stack).write(insights, to: folder)
        if stream.encoding != .utf8 { printError("\(source.name): read as \(stream.encoding.rawValue)") }
        printError(account.summary)
        printError("wrote \(folder.path)/results.jsonl, summary.json, flagged.csv (\(flagCount) flags\(atRisk > 0 ? ", \(atRisk) at-risk respondents" : "")), report.html, report.md")
        if strict && account.rowsWithProblems > 0 { throw ExitCode.failure }
    }
}

enum ReportLanguageArgument: String, ExpressibleByArgument, CaseIterable {
    case en, da

    var value: ReportStrings.Language { self == .da ? .da : .en }
}
