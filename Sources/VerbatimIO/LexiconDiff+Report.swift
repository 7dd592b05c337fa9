import Foundation
import VerbatimAnalysis

extension LexiconDiff {
    public enum ReportFormat: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The diff for a terminal (`text`), a pull request (`markdown`) or a script (`json`).
    public func report(_ format: ReportFormat) -> String {
        switch format {
        case .json: return json
        case .text, .markdown: return prose(markdown: format == .markdown)
        }
    }

    private func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func prose(markdown: Bool) -> String {
        var out = ""
        let heading = markdown ? "## " : ""
        let item = markdown ? "- " : "  "
        out += (markdown ? "# " : "") + "Lexicon diff: \(changedRows) of \(rows) rows change\n\n"
        if let accuracy {
            out += item + String(format: "sentiment accuracy %.4f → %.4f (%+.4f)\n", accuracy.base, accuracy.head, accuracy.head - accuracy.base)
        }
        if let themeMicroF1 {
            out += item + String(format: "theme micro-F1 %.4f → %.4f (%+.4f)\n", themeMicroF1.base, themeMicroF1.head, themeMicroF1.head - themeMicroF1.base)
        }
        if accuracy != nil || themeMicroF1 != nil { out += "\n" }
        let transitions = sorted(labelTransitions).filter { pair in
            let parts = pair.0.components(separatedBy: " → ")
            return parts.count == 2 && parts[0] != parts[1]
        }
        out += heading + "Label transitions\n" + (transitions.isEmpty ? item + "none\n" : transitions.map { "\(item)\($0.0): \($0.1)\n" }.joined()) + "\n"
        for (title, counts) in [("Themes gained", themesGained), ("Themes lost", themesLost), ("Flags gained", flagsGained), ("Flags lost", flagsLost)] {
            out += heading + title + "\n" + (counts.isEmpty ? item + "none\n" : sorted(counts).map { "\(item)\($0.0): \($0.1)\n" }.joined()) + "\n"
        }
        out += heading + "Most changed rows\n"
        if mostChanged.isEmpty { out += item + "none\n" }
        for row in mostChanged {
            out += "\n" + (markdown ? "### " : "== ") + "\(row.id) (line \(row.line))" + (markdown ? "\n\n> " : "\n  ") + row.text.replacingOccurrences(of: "\n", with: " ") + "\n"
            out += (markdown ? "\n" : "") + item + String(format: "sentiment %@ %.4f → %@ %.4f\n", row.base.sentiment.label.rawValue, row.base.sentiment.score, row.head.sentiment.label.rawValue, row.head.sentiment.score)
            let themes = (Set(row.base.themes.map(\.id)), Set(row.head.themes.map(\.id)))
            if themes.0 != themes.1 { out += item + "themes: " + describe(themes.0, themes.1) + "\n" }
            let flags = (Set(row.base.flags.map(\.id)), Set(row.head.flags.map(\.id)))
            if flags.0 != flags.1 { out += item + "flags: " + describe(flags.0, flags.1) + "\n" }
            for (side, analysis) in [("before", row.base), ("after", row.head)] {
                let lines = Explanation(analysis).plainText.split(separator: "\n")
                    .filter { $0.hasPrefix("sentiment:") || $0.hasPrefix("  \"") || $0.hasPrefix("    ") && $0.contains("→") }.prefix(8)
                if !lines.isEmpty {
                    out += (markdown ? "\n```\n" : "") + "  \(side):\n" + lines.map { "    \($0)\n" }.joined() + (markdown ? "```\n" : "")
                }
            }
        }
        return out
    }

    private func describe(_ before: Set<String>, _ after: Set<String>) -> String {
        let gained = after.subtracting(before).sorted().map { "+" + $0 }
        let lost = before.subtracting(after).sorted().map { "-" + $0 }
        return (gained + lost).joined(separator: " ")
    }

    private var json: String {
        var object: [String: Any] = [
            "rows": rows, "changed_rows": changedRows, "label_transitions": labelTransitions,
            "themes_gained": themesGained, "themes_lost": themesLost, "flags_gained": flagsGained, "flags_lost": flagsLost,
            "most_changed": mostChanged.map { row -> [String: Any] in
                ["id": row.id, "line": row.line, "text": row.text,
                 "base": ["label": row.base.sentiment.label.rawValue, "score": row.base.sentiment.score, "themes": row.base.themes.map(\.id), "flags": row.base.flags.map(\.id)],
                 "head": ["label": row.head.sentiment.label.rawValue, "score": row.head.sentiment.score, "themes": row.head.themes.map(\.id), "flags": row.head.flags.map(\.id)]]
            },
        ]
        if let accuracy { object["accuracy"] = ["base": accuracy.base, "head": accuracy.head] }
        if let themeMicroF1 { object["theme_micro_f1"] = ["base": themeMicroF1.base, "head": themeMicroF1.head] }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
