import Foundation
import VerbatimText
import Yams

/// The follow-up flags of `flags.yaml`: each a named rule with severity, route and a readable
/// condition over themes, sentiment, score, touch point and terms. Layered by id.
public struct FlagRules: Sendable {
    public enum Severity: String, Sendable, CaseIterable, Comparable {
        case low, medium, high, critical

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public struct Flag: Sendable {
        public var id: String
        public var labels: [Language: String]
        public var severity: Severity
        public var route: String
        public var condition: Condition
        public var origin: EntryOrigin
    }

    /// A comparison such as `<= -0.5`.
    public struct Comparison: Sendable, CustomStringConvertible {
        public enum Operator: String, Sendable { case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==" }
        public var op: Operator
        public var value: Double

        public func holds(_ x: Double) -> Bool {
            switch op {
            case .less: x < value
            case .lessOrEqual: x <= value
            case .greater: x > value
            case .greaterOrEqual: x >= value
            case .equal: x == value
            }
        }

        public var description: String { "\(op.rawValue) \(value)" }

        static func parse(_ text: String) -> Comparison? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            for op in [Operator.lessOrEqual, .greaterOrEqual, .equal, .less, .greater] where trimmed.hasPrefix(op.rawValue) {
                guard let value = Double(trimmed.dropFirst(op.rawValue.count).trimmingCharacters(in: .whitespaces)) else { return nil }
                return Comparison(op: op, value: value)
            }
            return nil
        }
    }

    /// A flag's condition. `terms` holds the index of a term set in `termSets`, `patterns` of a
    /// pattern set in `patternSets`.
    public indirect enum Condition: Sendable, CustomStringConvertible {
        case terms(Int)
        case patterns(Int)
        case themes([String])
        case sentiment(Comparison)
        case label(String)
        case score(Comparison)
        /// The answer's group under the export's score type: happy, middle or unhappy.
        case scoreGroup(String)
        case touchpoint(String)
        case all([Condition])
        case any([Condition])
        case not(Condition)

        public var description: String {
            switch self {
            case .terms: "terms"
            case .patterns: "patterns"
            case .themes(let ids): "theme \(ids.joined(separator: "|"))"
            case .sentiment(let comparison): "sentiment \(comparison)"
            case .label(let label): "label \(label)"
            case .score(let comparison): "score \(comparison)"
            case .scoreGroup(let group): "score group \(group)"
            case .touchpoint(let id): "touchpoint \(id)"
            case .all(let parts): "all(" + parts.map(\.description).joined(separator: ", ") + ")"
            case .any(let parts): "any(" + parts.map(\.description).joined(separator: ", ") + ")"
            case .not(let part): "not(\(part))"
            }
        }
    }

    public private(set) var flags: [Flag] = []
    /// The term sets conditions refer to, each with its terms per language.
    public private(set) var termSets: [[(language: Language, term: TermPattern)]] = []
    /// The pattern sets conditions refer to (PCRE2 with prefilter words, as in themes).
    public private(set) var patternSets: [[ThemeTaxonomy.PatternRule]] = []

    public init() {}

    mutating func layer(_ text: String, file: String, tokenizer: Tokenizer, diagnostics: inout [Diagnostic]) {
        var yaml = YAMLFile(path: file)
        defer { diagnostics += yaml.diagnostics }
        guard let root = yaml.root(of: text) else { return }
        yaml.checkKeys(root, known: ["flags"], in: "the file")
        var seen: [String: Int] = [:]
        for node in yaml.sequence(root["flags"], "flags") {
            yaml.checkKeys(node, known: ["id", "label", "severity", "route", "when", "description"], in: "a flag")
            guard let id = yaml.id(of: node, kind: "flag", seen: &seen) else { continue }
            let severityText = yaml.string(node["severity"], "severity") ?? "medium"
            guard let severity = Severity(rawValue: severityText) else {
                yaml.report(.error, "bad-severity", "severity '\(severityText)' should be low, medium, high or critical", at: node["severity"])
                continue
            }
            guard let when = node["when"], let condition = self.condition(when, yaml: &yaml, tokenizer: tokenizer) else {
                if node["when"] == nil { yaml.report(.error, "missing-condition", "flag '\(id)' needs a 'when' condition", at: node) }
                continue
            }
            let flag = Flag(
                id: id, labels: yaml.labels(node["label"]), severity: severity, route: yaml.string(node["route"], "route") ?? "cx_team",
                condition: condition, origin: yaml.origin(node))
            if let index = flags.firstIndex(where: { $0.id == id }) { flags[index] = flag } else { flags.append(flag) }
        }
    }

    private mutating func condition(_ node: Node, yaml: inout YAMLFile, tokenizer: Tokenizer) -> Condition? {
        guard let mapping = node.mapping, !mapping.isEmpty else {
            yaml.report(.error, "bad-condition", "a condition is a map: terms, patterns, theme, themes, sentiment, label, score, touchpoint, all, any, not", at: node)
            return nil
        }
        // Several keys in one map all hold, except that `terms` and `patterns` side by side are alternatives.
        var parts: [Condition] = []
        var alternatives: [Condition] = []
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "terms":
                termSets.append(yaml.terms(value, "terms", tokenizer: tokenizer))
                alternatives.append(.terms(termSets.count - 1))
            case "patterns":
                patternSets.append(yaml.patterns(value, "patterns"))
                alternatives.append(.patterns(patternSets.count - 1))
            case "theme":
                if let id = yaml.string(value, "theme") { parts.append(.themes([id])) }
            case "themes":
                parts.append(.themes(yaml.sequence(value, "themes").compactMap(\.string)))
            case "sentiment", "score":
                guard let text = yaml.string(value, key.string!), let comparison = Comparison.parse(text) else {
                    yaml.report(.error, "bad-comparison", "\(key.string!) needs a comparison such as \"<= -0.5\"", at: value)
                    return nil
                }
                parts.append(key.string == "sentiment" ? .sentiment(comparison) : .score(comparison))
            case "label":
                guard let label = yaml.string(value, "label"), ["positive", "negative", "neutral", "mixed"].contains(label) else {
                    yaml.report(.error, "bad-label", "label should be positive, negative, neutral or mixed", at: value)
                    return nil
                }
                parts.append(.label(label))
            case "score_group":
                guard let group = yaml.string(value, "score_group"), ["happy", "middle", "unhappy"].contains(group) else {
                    yaml.report(.error, "bad-score-group", "score_group is happy, middle or unhappy (by the score type: NPS, CSAT or CES)", at: value)
                    return nil
                }
                parts.append(.scoreGroup(group))
            case "touchpoint":
                if let id = yaml.string(value, "touchpoint") { parts.append(.touchpoint(id)) }
            case "all", "any":
                let children = yaml.sequence(value, key.string!).compactMap { condition($0, yaml: &yaml, tokenizer: tokenizer) }
                parts.append(key.string == "all" ? .all(children) : .any(children))
            case "not":
                guard let child = condition(value, yaml: &yaml, tokenizer: tokenizer) else { return nil }
                parts.append(.not(child))
            default:
                yaml.report(.error, "unknown-key", "unknown condition '\(key.string ?? "?")'; conditions are terms, theme, themes, sentiment, label, score, touchpoint, all, any, not", at: key)
                return nil
            }
        }
        if !alternatives.isEmpty { parts.append(alternatives.count == 1 ? alternatives[0] : .any(alternatives)) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }
}
