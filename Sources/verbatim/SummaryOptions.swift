import VerbatimAnalysis
import ArgumentParser
import VerbatimInsights

/// What the summary keeps beyond themes and touch points: the score type, segments, dates and
/// values (for `analyze` and `classify --summary-out`).
struct SummaryOptions: ParsableArguments {
    @Option(help: "The score question: nps (0-10), csat (1-5), ces (1-7) or auto (told from the values, said in the report).")
    var scoreType: ScoreTypeArgument = .auto

    @Option(name: .customLong("segment-column"), help: "A column to compare groups by (region, product, plan, …); repeat for several.")
    var segmentColumns: [String] = []

    @Option(help: "A column with each response's date (formats detected; day/month order resolved from the data).")
    var dateColumn: String?

    @Option(help: "A column with each respondent's value (revenue, contract size), for the score × value quadrants.")
    var valueColumn: String?

    @Flag(help: "Keep personal data (e-mail, phone, CPR, card numbers) in the summary, the report and flagged.csv.")
    var noMask = false

    /// The columns to keep from the input for the summary, after `alreadyKept`.
    func extraColumns() -> [String] {
        segmentColumns + [dateColumn, valueColumn].compactMap { $0 }
    }

    /// The summary builder's options, the extra columns sitting after `alreadyKept` kept columns.
    func builderOptions(alreadyKept: Int) -> SummaryBuilder.Options {
        var position = alreadyKept
        var segments: [(name: String, index: Int)] = []
        for name in segmentColumns {
            segments.append((name, position))
            position += 1
        }
        let date = dateColumn.map { _ in position }
        if dateColumn != nil { position += 1 }
        let value = valueColumn.map { _ in position }
        return SummaryBuilder.Options(maskPersonalData: !noMask, scoreType: scoreType.value, segmentColumns: segments, dateColumn: date, valueColumn: value)
    }
}

enum ScoreTypeArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, nps, csat, ces

    var value: ScoreType? { ScoreType(rawValue: rawValue) }
}

enum PeriodArgument: String, ExpressibleByArgument, CaseIterable {
    case week, month, quarter

    var value: Insights.Period { Insights.Period(rawValue: rawValue)! }
}
