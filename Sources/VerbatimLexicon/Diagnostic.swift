/// A problem found in a lexicon file, located like a compiler message (file:line:column) with a
/// stable code, so that editors and CI can act on it. Loaders collect these instead of stopping
/// at the first one.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    /// A stable identifier ("empty-entry", "duplicate-entry", …).
    public var code: String
    public var message: String
    public var file: String
    /// 1-based line and column.
    public var line: Int
    public var column: Int

    public init(severity: Severity, code: String, message: String, file: String, line: Int, column: Int = 1) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column: error: message [code]`
    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message) [\(code)]"
    }
}
