/// Writes result rows as JSONL (the schema of design.md, one object per line) or as flat CSV for
/// spreadsheets: one row per comment, theme and flag ids joined with `;` (theme sentiments as
/// `id:score`), kept input columns at the end. CSV cells pass through `CSVCell` (quoting, formula guard).
public struct ResultWriter: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv

        /// From a file extension: `.csv` is CSV, anything else (and `-`) JSONL.
        public init(path: String) {
            self = path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
        }
    }

    public var format: Format
    /// Names of the input columns passed through, in order.
    public var keptColumnNames: [String]
    /// Neutralise spreadsheet formulas in CSV cells (`--no-formula-guard` turns it off).
    public var formulaGuard: Bool

    public init(format: Format, keptColumnNames: [String] = [], formulaGuard: Bool = true) {
        self.format = format
        self.keptColumnNames = keptColumnNames
        self.formulaGuard = formulaGuard
    }

    static let csvColumns = [
        "id", "language", "sentiment", "sentiment_score", "touchpoint", "touchpoint_source", "themes", "theme_sentiments", "flags", "problems", "line",
    ]

    /// What comes before the first row (the CSV header line).
    public var header: String {
        guard format == .csv else { return "" }
        return (Self.csvColumns + keptColumnNames).map { CSVCell.escaped($0, formulaGuard: formulaGuard) }.joined(separator: ",") + "\n"
    }

    /// Appends one row, with its line end, to `output`.
    public func append(_ row: ResultRow, to output: inout [UInt8]) {
        switch format {
        case .jsonl:
            row.appendJSON(keptColumns: keptColumnNames, to: &output)
        case .csv:
            let analysis = row.analysis
            let problems = row.allProblems
            var cells: [String] = [
                row.id ?? "",
                analysis?.text.language.language.code ?? "",
                analysis?.sentiment.label.rawValue ?? "",
                analysis.map { Self.number($0.sentiment.score) } ?? "",
                analysis?.touchpoint.id ?? "",
                analysis?.touchpoint.source.rawValue ?? "",
                analysis?.themes.map(\.id).joined(separator: ";") ?? "",
                analysis?.themes.map { "\($0.id):\(Self.number($0.sentiment))" }.joined(separator: ";") ?? "",
                analysis?.flags.map(\.id).joined(separator: ";") ?? "",
                problems.map(\.code).joined(separator: ";"),
                problems.isEmpty ? "" : row.line.map(String.init) ?? "",
            ]
            cells += row.kept.prefix(keptColumnNames.count)
            output += cells.map { CSVCell.escaped($0, formulaGuard: formulaGuard) }.joined(separator: ",").utf8
        }
        output.append(UInt8(ascii: "\n"))
    }

    private static func number(_ value: Double) -> String {
        var json = JSONWriter(capacity: 32)  // one number: the 4 KB a row starts with would be allocated per theme
        json.number(value)
        return json.output
    }
}
