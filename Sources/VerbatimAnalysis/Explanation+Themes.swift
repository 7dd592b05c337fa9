import VerbatimLexicon
import VerbatimText

extension Explanation {
    /// A theme, touch point or flag's evidence: where, which rule, and its file:line.
    public struct EvidenceInfo: Codable, Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var text: String
        public var rule: String
        public var entry: String
    }

    public struct ThemeInfo: Codable, Hashable, Sendable {
        public var id: String
        public var sentiment: Double
        public var evidence: [EvidenceInfo]
    }

    public struct SetAsideInfo: Codable, Hashable, Sendable {
        public var id: String
        public var reason: SetAsideMention.Reason
        public var evidence: EvidenceInfo
    }

    public struct TouchpointInfo: Codable, Hashable, Sendable {
        public var id: String?
        public var source: TouchpointResult.Source
        public var evidence: [EvidenceInfo]
    }

    public struct FlagInfo: Codable, Hashable, Sendable {
        public var id: String
        public var severity: String
        public var route: String
        public var condition: String
        public var rule: String
        public var evidence: [EvidenceInfo]
    }

    static func evidence(_ items: [Evidence], scalars: [Unicode.Scalar]) -> [EvidenceInfo] {
        items.map { item in
            EvidenceInfo(
                start: item.range.lowerBound, end: item.range.upperBound,
                text: String(String.UnicodeScalarView(scalars[item.range.clamped(to: 0..<scalars.count)])),
                rule: item.rule, entry: item.origin.description)
        }
    }

    mutating func addThemes(_ analysis: CommentAnalysis) {
        let scalars = Array(analysis.text.text.unicodeScalars)
        themes = analysis.themes.map { ThemeInfo(id: $0.id, sentiment: $0.sentiment, evidence: Self.evidence($0.evidence, scalars: scalars)) }
        themesSetAside = analysis.themesSetAside.map { SetAsideInfo(id: $0.theme, reason: $0.reason, evidence: Self.evidence([$0.evidence], scalars: scalars)[0]) }
        touchpoint = TouchpointInfo(id: analysis.touchpoint.id, source: analysis.touchpoint.source, evidence: Self.evidence(analysis.touchpoint.evidence, scalars: scalars))
        flags = analysis.flags.map {
            FlagInfo(id: $0.id, severity: $0.severity.rawValue, route: $0.route, condition: $0.condition, rule: $0.origin.description, evidence: Self.evidence($0.evidence, scalars: scalars))
        }
        problems = analysis.problems
    }

    /// The themes, touch point and flags for a reader in a terminal.
    var themeLines: [String] {
        var lines: [String] = []
        if let themes {
            lines.append(themes.isEmpty ? "themes: none" : "themes:")
            for theme in themes {
                let evidence = theme.evidence.map { "\"\($0.text)\" [\($0.start)–\($0.end)] by '\($0.rule)' \($0.entry)" }.joined(separator: "; ")
                lines.append("  \(theme.id) (clause sentiment \(String(format: "%+.2f", theme.sentiment))): " + (evidence.isEmpty ? "fallback" : evidence))
            }
        }
        for item in themesSetAside ?? [] {
            let why = switch item.reason {
            case .background: "a background term, and the comment is about other themes"
            case .yielded: "the pattern yields to a theme the comment has"
            }
            let evidence = item.evidence
            lines.append("  set aside: \(item.id) \"\(evidence.text)\" [\(evidence.start)–\(evidence.end)] by '\(evidence.rule)' \(evidence.entry): \(why)")
        }
        if let touchpoint {
            var line = "touchpoint: \(touchpoint.id ?? "none") (\(touchpoint.source.rawValue))"
            if let first = touchpoint.evidence.first { line += " by '\(first.rule)' \(first.entry)" }
            lines.append(line)
        }
        if let flags {
            lines.append(flags.isEmpty ? "flags: none" : "flags:")
            for flag in flags {
                let evidence = flag.evidence.map { "\"\($0.text)\"" }.joined(separator: ", ")
                lines.append("  \(flag.id) [\(flag.severity), route \(flag.route)] when \(flag.condition) (\(flag.rule))" + (evidence.isEmpty ? "" : ": \(evidence)"))
            }
        }
        for problem in problems ?? [] { lines.append("problem: \(problem)") }
        return lines
    }
}
