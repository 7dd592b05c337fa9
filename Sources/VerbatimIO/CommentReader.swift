import Foundation
import VerbatimText

/// Reads comments from a survey export: JSONL, CSV or TSV with a header. Every input row yields
/// one `InputRow`, readable or not, so that rows in = rows out.
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

        public init(text: String = "text", id: String? = "id", language: String? = nil, touchpoint: String? = nil, score: String? = nil) {
            self.text = text
            self.id = id
            self.language = language
            self.touchpoint = touchpoint
            self.score = score
        }
    }

    public var format: Format
    public var columns: Columns

    public init(format: Format, columns: Columns = Columns()) {
        self.format = format
        self.columns = columns
    }

    /// The rows of `data` (the whole input). Throws only when the input as a whole cannot be used
    /// (a missing column); a bad row becomes a row with a problem.
    public func rows(_ data: Data, source: String) throws(InputError) -> [InputRow] {
        let sanitized = TextSanitizer(maximumScalars: .max).sanitize(bytes: data)
        // Invalid UTF-8 is repaired for the whole input; each row that holds a repair says so.
        let repairedUTF8 = sanitized.problems.contains { $0.code == "invalid_utf8_replaced" }
        let text = sanitized.text
        func marked(_ row: InputRow) -> InputRow {
            guard repairedUTF8, row.text?.contains("\u{FFFD}") == true else { return row }
            var row = row
            row.problems.insert(RowProblem(code: "invalid_utf8_replaced", message: "bytes that are not UTF-8 were replaced by U+FFFD"), at: 0)
            return row
        }
        switch format {
        case .jsonl:
            return jsonlRows(text).map(marked)
        case .csv, .tsv:
            let delimiter: Character = format == .tsv ? "\t" : DelimitedReader.sniff(Substring(text))
            var records = DelimitedReader(delimiter: delimiter).records(text)
            guard !records.isEmpty else { return [] }
            let header = records.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let textIndex = try column(columns.text, in: header, source: source)
            let idIndex = try columns.id.map { name throws(InputError) -> Int? in
                header.contains(name.lowercased()) || Int(name) != nil ? try column(name, in: header, source: source) : nil
            } ?? nil
            let languageIndex = try columns.language.map { name throws(InputError) in try column(name, in: header, source: source) }
            let touchpointIndex = try columns.touchpoint.map { name throws(InputError) in try column(name, in: header, source: source) }
            let scoreIndex = try columns.score.map { name throws(InputError) in try column(name, in: header, source: source) }
            return records.map { record in
                var problems: [RowProblem] = []
                if let problem = record.problem { problems.append(RowProblem(code: "malformed_row", message: problem)) }
                if record.fields.count != header.count {
                    problems.append(RowProblem(code: "field_count", message: "\(record.fields.count) fields where the header has \(header.count)"))
                }
                func cell(_ index: Int?) -> String? {
                    guard let index, index < record.fields.count else { return nil }
                    return record.fields[index]
                }
                let text = cell(textIndex)
                if text == nil { problems.append(RowProblem(code: "missing_text", message: "the row has no '\(columns.text)' field")) }
                return marked(InputRow(
                    line: record.line, id: cell(idIndex), text: text, language: cell(languageIndex), touchpoint: cell(touchpointIndex),
                    score: cell(scoreIndex), problems: problems))
            }
        }
    }

    private func jsonlRows(_ text: String) -> [InputRow] {
        var rows: [InputRow] = []
        for (offset, line) in Lines.split(text).enumerated() where line.contains(where: { !$0.isWhitespace }) {
            var parser = JSONParser(Array(line.utf8))
            let number = offset + 1
            do {
                let value = try parser.parse()
                var problems = parser.repairs.map { RowProblem(code: $0.rawValue, message: $0 == .loneSurrogate ? "a lone UTF-16 surrogate escape was replaced by U+FFFD" : "invalid UTF-8 was replaced by U+FFFD") }
                guard case .object = value else {
                    rows.append(InputRow(line: number, problems: [RowProblem(code: "not_an_object", message: "line \(number) is JSON but not an object")]))
                    continue
                }
                let text = value[columns.text]?.text
                if text == nil { problems.append(RowProblem(code: "missing_text", message: "no '\(columns.text)' member")) }
                rows.append(InputRow(
                    line: number, id: columns.id.flatMap { value[$0]?.text }, text: text,
                    language: columns.language.flatMap { value[$0]?.text }, touchpoint: columns.touchpoint.flatMap { value[$0]?.text },
                    score: columns.score.flatMap { value[$0]?.text }, problems: problems))
            } catch {
                rows.append(InputRow(line: number, problems: [RowProblem(code: "invalid_json", message: "line \(number), \(error)")]))
            }
        }
        return rows
    }

    private func column(_ name: String, in header: [String], source: String) throws(InputError) -> Int {
        if let index = Int(name), index >= 1, index <= header.count { return index - 1 }
        if let index = header.firstIndex(of: name.trimmingCharacters(in: .whitespaces).lowercased()) { return index }
        throw InputError.missingColumn(source: source, column: name, available: header)
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
    public var problems: [RowProblem]

    public init(line: Int, id: String? = nil, text: String? = nil, language: String? = nil, touchpoint: String? = nil, score: String? = nil, problems: [RowProblem]) {
        self.line = line
        self.id = id
        self.text = text
        self.language = language
        self.touchpoint = touchpoint
        self.score = score
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

    public var description: String {
        switch self {
        case .missingColumn(let source, let column, let available):
            return "\(source):1: no column '\(column)'; the header has: \(available.joined(separator: ", "))"
        case .unreadable(let source, let reason):
            return "\(source): cannot read: \(reason)"
        }
    }
}
