import Foundation
import VerbatimIO

/// What `verbatim analyze` collects beside the result rows, chunk by chunk: the summary and the
/// flagged rows for `flagged.csv` (every flag hit, in input order, texts masked unless told not to).
public struct AnalysisAccumulator: ChunkSummary {
    public private(set) var builder: SummaryBuilder
    /// `flagged.csv` lines (without the header) with their severity, in input order, until taken.
    public private(set) var flaggedLines: [(severity: String, line: String)] = []
    /// Respondents with a value and a low score (0–6, low under every score type), as flagged.csv
    /// lines: the at-risk list is drawn from them once the export's median value and score type are known.
    public private(set) var valueCandidates: [AtRiskCandidate] = []
    private let masker: PersonalDataMasker?
    private let valueColumn: Int?

    /// A flagged.csv line for the at-risk list, with what decides whether it belongs there.
    public struct AtRiskCandidate: Sendable, Codable, Hashable {
        public var score: Double
        public var value: Double
        public var line: String
    }

    public static let flaggedHeader = "severity,flag,route,id,line,touchpoint,themes,score,sentiment,evidence,text\n"

    public init(_ options: SummaryBuilder.Options) {
        builder = SummaryBuilder(options)
        masker = options.masker
        valueColumn = options.valueColumn
    }

    public var summary: Summary { builder.summary }

    public mutating func add(_ row: ResultRow) {
        builder.add(row)
        guard let analysis = row.analysis else { return }
        if let index = valueColumn, index < row.kept.count, let score = row.score, score <= 6,
            let value = Double(row.kept[index].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
        {
            let cells = [
                "high", "at_risk_value", "account_management", row.id ?? "", row.line.map(String.init) ?? "", analysis.touchpoint.id ?? "",
                analysis.themes.map(\.id).joined(separator: ";"), ScoreHistogram.key(score), String(format: "%.4f", analysis.sentiment.score),
                "value \(row.kept[index])", mask(analysis.text.text),
            ]
            valueCandidates.append(AtRiskCandidate(score: score, value: value, line: cells.map { CSVCell.escaped($0) }.joined(separator: ",") + "\n"))
        }
        guard !analysis.flags.isEmpty else { return }
        let text = analysis.text.text
        for flag in analysis.flags {
            let evidence = flag.evidence.map { SummaryBuilder.slice(text, $0.range) }.joined(separator: " | ")
            let cells = [
                flag.severity.rawValue, flag.id, flag.route, row.id ?? "", row.line.map(String.init) ?? "", analysis.touchpoint.id ?? "",
                analysis.themes.map(\.id).joined(separator: ";"), row.score.map(ScoreHistogram.key) ?? "",
                String(format: "%.4f", analysis.sentiment.score), mask(evidence), mask(text),
            ]
            flaggedLines.append((flag.severity.rawValue, cells.map { CSVCell.escaped($0) }.joined(separator: ",") + "\n"))
        }
    }

    /// Hands over the flagged lines collected so far (so that they can be written out chunk by chunk).
    public mutating func takeFlaggedLines() -> [(severity: String, line: String)] {
        defer { flaggedLines = [] }
        return flaggedLines
    }

    /// Hands over the at-risk candidates collected so far.
    public mutating func takeValueCandidates() -> [AtRiskCandidate] {
        defer { valueCandidates = [] }
        return valueCandidates
    }

    public mutating func merge(_ other: AnalysisAccumulator) {
        builder.merge(other.builder)
        flaggedLines += other.flaggedLines
        valueCandidates += other.valueCandidates
    }

    private func mask(_ text: String) -> String {
        masker?.mask(text) ?? text
    }
}

extension Summary {
    /// `summary.json`: keys sorted, so the same summary is always the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads `summary.json`; a summary of another format version is refused.
    public init(jsonData data: Data, source: String) throws(SummaryError) {
        do {
            self = try JSONDecoder().decode(Summary.self, from: data)
        } catch {
            throw SummaryError.unreadable(source: source, reason: "\(error)")
        }
        guard version == Summary.formatVersion else { throw SummaryError.unreadable(source: source, reason: "format version \(version); this verbatim reads \(Summary.formatVersion)") }
    }
}

public enum SummaryError: Error, CustomStringConvertible {
    case unreadable(source: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let source, let reason): "\(source): not a Verbatim summary: \(reason)"
        }
    }
}
