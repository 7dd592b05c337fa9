import Foundation
import VerbatimText
import Yams

/// Reads a YAML lexicon file into Yams nodes, turning every problem into a `Diagnostic` with the
/// file, line and column (from the node's mark), so loaders can report all problems and go on.
struct YAMLFile {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    /// The document's root node, or nil (with a diagnostic) when the YAML does not parse.
    mutating func root(of text: String) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
                report(.error, "yaml-syntax", "YAML: \(problem)", line: mark.line, column: mark.column)
            default:
                report(.error, "yaml-syntax", "YAML: \(error)", line: 1, column: 1)
            }
        } catch {
            report(.error, "yaml-syntax", "YAML: \(error)", line: 1, column: 1)
        }
        return nil
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, at node: Node?) {
        report(severity, code, message, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(severity: severity, code: code, message: message, file: path, line: line, column: column))
    }

    func origin(_ node: Node?) -> EntryOrigin {
        EntryOrigin(file: path, line: node?.mark?.line ?? 1)
    }

    /// The items of a sequence value (reporting anything else).
    mutating func sequence(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            report(.error, "yaml-shape", "\(what) should be a list", at: node)
            return []
        }
        return Array(sequence)
    }

    /// A string value (reporting anything else).
    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            report(.error, "yaml-shape", "\(what) should be a single value", at: node)
            return nil
        }
        return scalar.string
    }

    /// `{en: [...], da: [...]}` → terms per language, each with its node for positions.
    mutating func termsByLanguage(_ node: Node?, _ what: String) -> [(Language, String, Node)] {
        guard let node else { return [] }
        guard let mapping = node.mapping else {
            report(.error, "yaml-shape", "\(what) should map languages to lists: {en: [...], da: [...]}", at: node)
            return []
        }
        var terms: [(Language, String, Node)] = []
        for (key, value) in mapping {
            guard let language = language(key, in: what) else { continue }
            for item in sequence(value, "\(what).\(language.code)") {
                if let text = string(item, "a term") { terms.append((language, text, item)) }
            }
        }
        return terms
    }

    /// The language `node` names (en or da), reporting anything else.
    mutating func language(_ node: Node, in what: String) -> Language? {
        guard let code = node.string, let language = Language(code: code), language != .undetermined else {
            report(.error, "unknown-language", "unknown language '\(node.string ?? "?")' in \(what); use en or da", at: node)
            return nil
        }
        return language
    }

    /// `{en: "…", da: "…"}` labels.
    mutating func labels(_ node: Node?) -> [Language: String] {
        var labels: [Language: String] = [:]
        for (key, value) in node?.mapping ?? [:] {
            if let code = key.string, let language = Language(code: code), let text = value.string { labels[language] = text }
        }
        return labels
    }

    /// Keys of a mapping that are not in `known` are reported (a typo would silently do nothing).
    mutating func checkKeys(_ node: Node, known: Set<String>, in what: String) {
        for (key, _) in node.mapping ?? [:] where !known.contains(key.string ?? "") {
            report(.error, "unknown-key", "unknown key '\(key.string ?? "?")' in \(what); keys are \(known.sorted().joined(separator: ", "))", at: key)
        }
    }

    /// `{en: [...], da: [...]}` parsed as terms; a bad term is reported at its own position.
    mutating func terms(_ node: Node?, _ what: String, tokenizer: Tokenizer) -> [(language: Language, term: TermPattern)] {
        var terms: [(language: Language, term: TermPattern)] = []
        for (language, source, item) in termsByLanguage(node, what) {
            do {
                terms.append((language, try TermPattern(source, origin: origin(item), tokenizer: tokenizer)))
            } catch {
                report(.error, "bad-term", "term '\(source)': \(error.message)", line: item.mark?.line ?? 1, column: (item.mark?.column ?? 1) + error.column - 1)
            }
        }
        return terms
    }

    /// Texts that make backtracking patterns explode ("(a+)+b" on a run of a's): a pattern that hits
    /// the project's match or depth limit on one of them is catastrophic. Returns the probe's name.
    static func catastrophicProbe(_ regex: PCRE2Regex) -> String? {
        let probes = [
            ("a run of 3,000 letters", String(repeating: "a", count: 3_000) + "!"),
            ("a run of 3,000 digits", String(repeating: "1", count: 3_000) + "x"),
            ("3,000 spaced words", String(repeating: "ord ", count: 750) + "!"),
        ]
        for (name, text) in probes {
            if case .limitExceeded = regex.matches(in: text) { return name }
        }
        return nil
    }

    /// A list of `{regex: '…', requires: [...], requires_also: [...]}` compiled with PCRE2; a regex that does not compile is
    /// reported with its position, a pattern without `requires` gets a warning. `mayYield`: the patterns are a theme's,
    /// which may say which themes they give way to (`yields_to`).
    mutating func patterns(_ node: Node?, _ what: String, mayYield: Bool = false) -> [ThemeTaxonomy.PatternRule] {
        var rules: [ThemeTaxonomy.PatternRule] = []
        for patternNode in sequence(node, what) {
            guard let regex = string(patternNode["regex"], "regex") else {
                report(.error, "missing-regex", "a pattern needs a regex", at: patternNode)
                continue
            }
            checkKeys(patternNode, known: Set(["regex", "requires", "requires_also", "language", "requires_digit", "scope"] + (mayYield ? ["yields_to"] : [])),
                      in: "a pattern")
            var language: Language?
            if let node = patternNode["language"] {
                guard let parsed = self.language(node, in: "a pattern") else { continue }
                language = parsed
            }
            var requiresDigit = false
            if let flag = string(patternNode["requires_digit"], "requires_digit") {
                guard let value = Bool(flag.lowercased()) else {
                    report(.error, "yaml-shape", "requires_digit should be true or false, not '\(flag)'", at: patternNode["requires_digit"])
                    continue
                }
                requiresDigit = value
            }
            var scope = ThemeTaxonomy.PatternRule.Scope.comment
            if let word = string(patternNode["scope"], "scope") {
                guard let value = ThemeTaxonomy.PatternRule.Scope(rawValue: word.lowercased()) else {
                    report(.error, "yaml-shape", "scope should be comment or sentence, not '\(word)'", at: patternNode["scope"])
                    continue
                }
                scope = value
            }
            do {
                let requires = sequence(patternNode["requires"], "requires").compactMap { $0.string?.lowercased() }
                let requiresAlso = sequence(patternNode["requires_also"], "requires_also").compactMap { $0.string?.lowercased() }
                if !requiresAlso.isEmpty && requires.isEmpty {
                    report(.error, "yaml-shape", "requires_also narrows 'requires': give the pattern 'requires' words too", at: patternNode["requires_also"])
                    continue
                }
                let compiled = try PCRE2Regex(regex)
                if let probe = Self.catastrophicProbe(compiled) {
                    report(.error, "catastrophic-regex", "regex exceeds the match limits on \(probe): it would stop on long comments", at: patternNode["regex"] ?? patternNode)
                    continue
                }
                let yieldsTo = sequence(patternNode["yields_to"], "yields_to").compactMap { $0.string }
                rules.append(ThemeTaxonomy.PatternRule(
                    regex: compiled, requires: Set(requires), requiresAlso: Set(requiresAlso), language: language, requiresDigit: requiresDigit, scope: scope,
                    yieldsTo: yieldsTo, origin: origin(patternNode)))
                if requires.isEmpty {
                    report(.warning, "pattern-without-prefilter", "pattern runs on every comment; give it 'requires' words", at: patternNode)
                }
            } catch {
                report(.error, "bad-regex", "regex does not compile: \(error.message) (at offset \(error.offset))",
                       line: patternNode["regex"]?.mark?.line ?? 1, column: (patternNode["regex"]?.mark?.column ?? 1) + error.offset + 1)
            }
        }
        return rules
    }

    /// The `id` of a list item, reported when missing or already used earlier in this file
    /// (`seen` maps ids to the line that defined them).
    mutating func id(of node: Node, kind: String, seen: inout [String: Int]) -> String? {
        guard let id = string(node["id"], "id") else {
            report(.error, "missing-id", "a \(kind) needs an id", at: node)
            return nil
        }
        if let line = seen[id] {
            report(.error, "duplicate-id", "\(kind) id '\(id)' is already defined on line \(line)", at: node["id"])
            return nil
        }
        seen[id] = node["id"]?.mark?.line ?? 0
        return id
    }
}
