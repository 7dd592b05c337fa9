import Foundation
import VerbatimText

/// A plain word-list lexicon file: one entry per line, `#` starts a comment, blank lines ignored
/// (e.g. `da/compound-parts.txt`). Entries are kept as written after trimming; the caller brings
/// them to lookup form.
public struct WordList: Hashable, Sendable {
    /// The entries in file order, without duplicates.
    public var entries: [String]
    /// What was wrong with the file (duplicates, entries with spaces, …). Loading goes on past them.
    public var diagnostics: [Diagnostic]

    public init(entries: [String], diagnostics: [Diagnostic] = []) {
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// Parses the text of a word-list file; `file` names it in diagnostics.
    public init(parsing text: String, file: String) {
        var entries: [String] = []
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (offset, rawLine) in Lines.split(text).enumerated() {
            let line = offset + 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entry = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !entry.isEmpty else { continue }
            let column = (content.firstIndex(where: { !$0.isWhitespace }).map { content.distance(from: content.startIndex, to: $0) } ?? 0) + 1
            if entry.contains(where: { $0.isWhitespace }) {
                diagnostics.append(Diagnostic(
                    severity: .error, code: "entry-with-space",
                    message: "'\(entry)' holds a space; a word list takes one word per line", file: file, line: line,
                    column: column))
                continue
            }
            if let first = firstLine[entry] {
                diagnostics.append(Diagnostic(
                    severity: .warning, code: "duplicate-entry",
                    message: "'\(entry)' is already listed on line \(first)", file: file, line: line, column: column))
                continue
            }
            firstLine[entry] = line
            entries.append(entry)
        }
        self.init(entries: entries, diagnostics: diagnostics)
    }

    /// Loads a word-list file.
    public init(contentsOf url: URL) throws(LexiconError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LexiconError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        self.init(parsing: text, file: url.path)
    }
}
