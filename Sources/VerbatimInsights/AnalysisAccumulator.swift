import Foundation
import VerbatimIO

/// What `verbatim analyze` collects beside the result rows, chunk by chunk: the summary and the
/// flagged rows for `flagged.csv` (every flag hit, in input order, texts masked unless told not to).
public struct AnalysisAccumulator: ChunkSummary {
    public private(set) var builder: SummaryBuilder
    /// `flagged.csv` lines (without the header) with their severity, in input order, until taken.
    public private(set) var flaggedLines: [(severity: String, line: String)] = []
    private let masker: PersonalDataMasker?

    public static let flaggedHeader = "severity,flag,route,id,line,touchpoint,themes,score,sentiment,evidence,text\n"

    public init(_ options: SummaryBuilder.Options) {
        builder = SummaryBuilder(options)
        masker = options.maskPersonalData ? PersonalDataMasker() : nil
    }

    public var summary: Summary { builder.summary }

    public mutating func add(_ row: ResultRow) {
        builder.add(row)
        guard let analysis = row.analysis, !analysis.flags.isEmpty else { return }
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

    public mutating func merge(_ other: AnalysisAccumulator) {
        builder.merge(other.builder)
        flaggedLines += other.flaggedLines
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
