import Foundation

/// A maintainer's unit tests for a lexicon: `*.tests.tsv` beside the lexicon files, one case per
/// line — `text`, `language` (en, da or auto), expected `label`, expected `themes`, expected
/// `flags` and, optionally, the expected `touchpoint`. An empty cell is not checked. Themes and
/// flags are `;`-separated ids that must be found (a top-level id is found when any of its leaves
/// is); an id written `-id` must not be found; `none` means nothing may be found.
public struct LexiconTestFile: Sendable {
    public struct Case: Sendable, Hashable {
        public var text: String
        public var language: String
        public var label: String?
        public var themes: [String]?
        public var flags: [String]?
        public var touchpoint: String?
        public var origin: EntryOrigin
    }

    public var cases: [Case] = []
    public var diagnostics: [Diagnostic] = []

    static let columns = ["text", "language", "label", "themes", "flags", "touchpoint"]

    public init(parsing contents: String, file: String) {
        var header: [String]?
        for (offset, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let names = header else {
                header = fields.map { $0.lowercased() }
                for required in ["text", "language"] where !header!.contains(required) {
                    diagnostics.append(Diagnostic(severity: .error, code: "missing-column", message: "the header has no '\(required)' column", file: file, line: number))
                }
                continue
            }
            func cell(_ name: String) -> String? {
                guard let index = names.firstIndex(of: name), index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let text = cell("text") else {
                diagnostics.append(Diagnostic(severity: .error, code: "empty-entry", message: "a test case needs a text", file: file, line: number))
                continue
            }
            let language = cell("language") ?? "auto"
            if !["en", "da", "auto"].contains(language) {
                diagnostics.append(Diagnostic(severity: .error, code: "unknown-language", message: "language '\(language)' is not en, da or auto", file: file, line: number, column: (names.firstIndex(of: "language") ?? 0) + 1))
                continue
            }
            if let label = cell("label"), !["positive", "negative", "neutral", "mixed"].contains(label) {
                diagnostics.append(Diagnostic(severity: .error, code: "bad-label", message: "label '\(label)' is not positive, negative, neutral or mixed", file: file, line: number))
                continue
            }
            func ids(_ name: String) -> [String]? {
                cell(name).map { $0 == "none" ? [] : $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            }
            cases.append(Case(text: text.replacingOccurrences(of: "\\n", with: "\n"), language: language, label: cell("label"), themes: ids("themes"), flags: ids("flags"),
                              touchpoint: cell("touchpoint"), origin: EntryOrigin(file: file, line: number)))
        }
    }

    /// The `*.tests.tsv` files in a lexicon folder and its language subfolders, sorted.
    public static func files(in folder: URL) -> [URL] {
        var found: [URL] = []
        for candidate in [folder] + ["en", "da"].map(folder.appendingPathComponent) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: candidate.path)) ?? []
            found += names.filter { $0.hasSuffix(".tests.tsv") }.sorted().map(candidate.appendingPathComponent)
        }
        return found
    }
}
