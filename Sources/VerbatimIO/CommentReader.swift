import Foundation
import VerbatimText

/// Reads comments from a survey export: JSONL, CSV or TSV with a header, in any of the encodings
/// of `InputEncoding`. Every input row yields one `InputRow`, readable or not, so that rows in =
/// rows out. `open` streams; `rows` reads a whole input in memory.
public struct CommentReader: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv, tsv

        /// From a file extension; `-` and unknown extensions are JSONL.
        public init(path: String) {
            switch URL(fileURLWithPath: path).pathExtension.lowercased() {
            case "csv": self = .csv
            case "tsv", "tab", "txt": self = .tsv
            default: self = .jsonl
            }
        }
    }

    /// Columns by header name (case-insensitive, trimmed) or 1-based index.
    public struct Columns: Sendable {
        public var text = "text"
        public var id: String? = "id"
        public var language: String?
        public var touchpoint: String?
        public var score: String?
        /// Columns passed through to the output as they are (`--keep-columns`).
        public var keep: [String] = []

        public init(text: String = "text", id: String? = "id", language: String? = nil, touchpoint: String? = nil, score: String? = nil, keep: [String] = []) {
            self.text = text
            self.id = id
            self.language = language
            self.touchpoint = touchpoint
            self.score = score
            self.keep = keep
        }
    }

    public var format: Format
    public var columns: Columns

    public init(format: Format, columns: Columns = Columns()) {
        self.format = format
        self.columns = columns
    }

    /// A stream of the rows of `source`. Throws when the input as a whole cannot be used (a
    /// missing column, an unreadable file).
    public func open(_ source: InputSource) throws(InputError) -> CommentStream {
        try CommentStream(source: source, format: format, columns: columns)
    }

    /// All rows of `data`, read in memory.
    public func rows(_ data: Data, source: String) throws(InputError) -> [InputRow] {
        var stream = try open(InputSource(bytes: Array(data), name: source))
        var rows: [InputRow] = []
        while true {
            let chunk = try stream.next(maxRows: 4096)
            if chunk.isEmpty { return rows }
            rows += chunk
        }
    }
}

/// One input row as read: what the analysis needs, and what was wrong with it.
public struct InputRow: Sendable, Hashable {
    public var line: Int
    public var id: String?
    public var text: String?
    public var language: String?
    public var touchpoint: String?
    public var score: String?
    /// The values of the columns kept for the output, in `Columns.keep` order.
    public var kept: [String]
    public var problems: [RowProblem]

    public init(
        line: Int, id: String? = nil, text: String? = nil, language: String? = nil, touchpoint: String? = nil, score: String? = nil, kept: [String] = [],
        problems: [RowProblem]
    ) {
        self.line = line
        self.id = id
        self.text = text
        self.language = language
        self.touchpoint = touchpoint
        self.score = score
        self.kept = kept
        self.problems = problems
    }
}

/// A problem with one row, in the result row's `problems`.
public struct RowProblem: Sendable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// Why an input cannot be read at all.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingColumn(source: String, column: String, available: [String])
    case unreadable(source: String, reason: String)
    case unwritable(target: String, reason: String)

    public var description: String {
        switch self {
        case .missingColumn(let source, let column, let available):
            return "\(source):1: no column '\(column)'; the header has: \(available.joined(separator: ", "))"
        case .unreadable(let source, let reason):
            return "\(source): cannot read: \(reason)"
        case .unwritable(let target, let reason):
            return "\(target): cannot write: \(reason)"
        }
    }
}
