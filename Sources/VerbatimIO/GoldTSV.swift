import Foundation
import VerbatimText

/// A gold-labelled evaluation file: TSV, UTF-8, one header line, no quoting (the format of
/// `corpora/` and of the evaluation sets in `../shared/data/`). Columns are found by header name.
public struct GoldTSV: Sendable {
    /// One data row: its 1-based line number and its cells by header name.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var cells: [String: String]

        public subscript(column: String) -> String? { cells[column] }
    }

    public var path: String
    public var header: [String]
    public var rows: [Row]
    /// Rows whose field count differs from the header's, with their line numbers (kept out of `rows`).
    public var problems: [String]

    public init(contentsOf url: URL) throws(GoldTSVError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GoldTSVError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: String(decoding: data, as: UTF8.self), path: url.path)
    }

    public init(parsing text: String, path: String) throws(GoldTSVError) {
        let lines = Lines.split(text)
        guard let headerLine = lines.first else { throw GoldTSVError.empty(path: path) }
        var header = headerLine.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        self.path = path
        self.header = header
        self.rows = []
        self.problems = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                problems.append("\(path):\(offset + 1): expected \(header.count) tab-separated fields, found \(fields.count); row skipped")
                continue
            }
            var cells: [String: String] = [:]
            for (name, value) in zip(header, fields) { cells[name] = String(value) }
            rows.append(Row(line: offset + 1, cells: cells))
        }
    }

    /// Fails with the available headers when `column` is missing.
    public func require(_ column: String) throws(GoldTSVError) {
        guard header.contains(column) else {
            throw GoldTSVError.missingColumn(path: path, column: column, available: header)
        }
    }
}

/// Why a gold file cannot be used at all.
public enum GoldTSVError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case missingColumn(path: String, column: String, available: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .empty(let path): return "\(path):1: the file is empty; expected a header line"
        case .missingColumn(let path, let column, let available):
            return "\(path):1: no column '\(column)'; the header has: \(available.joined(separator: ", "))"
        }
    }
}
