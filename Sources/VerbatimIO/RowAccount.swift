/// What happened to every input row: rows in = rows out, and which rows had problems (by kind)
/// or could not be classified at all (with their lines). Summed per chunk and merged.
public struct RowAccount: Sendable, Hashable {
    public var rowsRead = 0
    public var rowsWritten = 0
    public var rowsWithProblems = 0
    /// Rows per problem code.
    public var problems: [String: Int] = [:]
    /// Rows that got no analysis (no text could be read), counted…
    public var rejected = 0
    /// …and the first `rejectedLinesKept` of their lines.
    public var rejectedLines: [Int] = []

    static let rejectedLinesKept = 1000

    public init() {}

    /// Counts one result row (read and written).
    public mutating func count(_ row: ResultRow) {
        rowsRead += 1
        rowsWritten += 1
        let problems = row.allProblems
        if !problems.isEmpty { rowsWithProblems += 1 }
        for code in Set(problems.map(\.code)) { self.problems[code, default: 0] += 1 }
        if row.analysis == nil {
            rejected += 1
            if rejectedLines.count < Self.rejectedLinesKept, let line = row.line { rejectedLines.append(line) }
        }
    }

    public mutating func merge(_ other: RowAccount) {
        rowsRead += other.rowsRead
        rowsWritten += other.rowsWritten
        rowsWithProblems += other.rowsWithProblems
        problems.merge(other.problems, uniquingKeysWith: +)
        rejected += other.rejected
        rejectedLines += other.rejectedLines.prefix(Self.rejectedLinesKept - rejectedLines.count)
    }

    /// One line for the terminal.
    public var summary: String {
        var text = "rows read \(rowsRead), rows written \(rowsWritten), rows with problems \(rowsWithProblems)"
        if !problems.isEmpty { text += " (" + problems.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")" }
        if rejected > 0 {
            text += ", rows not classified \(rejected) (lines " + rejectedLines.prefix(20).map(String.init).joined(separator: ", ") + (rejected > 20 ? ", …" : "") + ")"
        }
        return text
    }

    /// The same as a JSON object (`--row-report`), keys in a fixed order.
    public var json: String {
        var json = JSONWriter()
        json.beginObject()
        json.key("rows_read"); json.number(rowsRead)
        json.key("rows_written"); json.number(rowsWritten)
        json.key("rows_with_problems"); json.number(rowsWithProblems)
        json.key("problems")
        json.beginObject()
        for (code, count) in problems.sorted(by: { $0.key < $1.key }) {
            json.key(escaping: code); json.number(count)
        }
        json.endObject()
        json.key("rows_not_classified"); json.number(rejected)
        json.key("lines_not_classified")
        json.beginArray()
        for line in rejectedLines {
            json.element(); json.number(line)
        }
        json.endArray()
        json.endObject()
        return json.output + "\n"
    }
}
