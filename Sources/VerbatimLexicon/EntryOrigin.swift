/// Where a lexicon entry was written, so an explanation can point back to the rule that fired.
public struct EntryOrigin: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
