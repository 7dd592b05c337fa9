import Foundation
import VerbatimText
import Yams

/// The theme taxonomy of `themes.yaml`, layered: a later layer adds terms to a theme it names
/// again, replaces its labels, and may add themes of its own.
public struct ThemeTaxonomy: Sendable {
    /// One theme: `delivery` or `delivery.time`.
    public struct Theme: Sendable {
        public var id: String
        public var labels: [Language: String]
        public var terms: [(language: Language, term: TermPattern)]
        /// Terms that name the theme only as the starting point of a story about something else
        /// ("ordered" in "ordered on the 2nd and still no sign of it"): they tag the theme only
        /// when the comment mentions no other top-level theme, or its own by a term or pattern.
        public var background: [(language: Language, term: TermPattern)] = []
        public var patterns: [PatternRule]
        public var origin: EntryOrigin

        /// The top-level id ("delivery" for "delivery.time").
        public var topLevel: String { String(id.split(separator: ".").first ?? Substring(id)) }
    }

    /// A PCRE2 pattern of a theme, run only when one of `requires` (normal forms, or the stems of
    /// inflected tokens) is in the comment
    /// (and one of `requiresAlso`, when given), and, when set, only on comments of `language` and
    /// comments holding a digit 0–9: cheap
    /// prefilters that keep patterns off the comments they cannot match.
    public struct PatternRule: Sendable {
        /// What one run of the pattern sees.
        public enum Scope: String, Sendable, CaseIterable {
            /// The whole comment, once any `requires` word occurs anywhere in it (the words are
            /// context: "contact" anywhere makes an e-mail address a request to be contacted).
            case comment
            /// Each sentence holding a `requires` word (and a digit, with `requiresDigit`) on its
            /// own: the words are part of the match, and a match never crosses a sentence end.
            case sentence
        }

        public var regex: PCRE2Regex
        public var requires: Set<String>
        /// A second set of words of which one must occur too (in the same sentence, for
        /// sentence scope): the pattern needs a word of each ("took" … "weeks"). Empty: no such test.
        public var requiresAlso: Set<String>
        /// The one language whose comments the pattern runs on (and undetermined ones); nil: all.
        public var language: Language?
        /// Runs only on comments containing an ASCII digit (patterns about amounts, times, dates).
        public var requiresDigit: Bool
        public var scope: Scope
        /// Theme ids (a top-level id takes in its subthemes) whose presence in the same comment
        /// cancels this pattern's matches: an amount in a comment about a bill is the bill's, not
        /// a price (corpora/README.md). Theme patterns only; empty: none.
        public var yieldsTo: [String] = []
        public var origin: EntryOrigin

        public init(
            regex: PCRE2Regex, requires: Set<String>, requiresAlso: Set<String> = [], language: Language? = nil, requiresDigit: Bool = false,
            scope: Scope = .comment, yieldsTo: [String] = [], origin: EntryOrigin
        ) {
            self.regex = regex
            self.requires = requires
            self.requiresAlso = requiresAlso
            self.language = language
            self.requiresDigit = requiresDigit
            self.scope = scope
            self.yieldsTo = yieldsTo
            self.origin = origin
        }
    }

    public private(set) var themes: [Theme] = []
    /// The theme of comments none of `fallbackScope`'s themes matched (a pack's catch-all), if any.
    public private(set) var fallback: String?
    /// The top-level ids of the file that declared the fallback: themes of other layers (the
    /// default taxonomy under a domain pack) do not stop it.
    public private(set) var fallbackScope: Set<String> = []

    /// The top-level ids of the default taxonomy (design.md).
    public static let fixedTopLevels = ["service", "waiting", "price", "billing", "delivery", "product", "ordering", "digital", "communication", "ease", "contract"]

    public init() {}

    /// Adds one `themes.yaml` over the themes so far.
    mutating func layer(_ text: String, file: String, tokenizer: Tokenizer, diagnostics: inout [Diagnostic]) {
        var yaml = YAMLFile(path: file)
        defer { diagnostics += yaml.diagnostics }
        guard let root = yaml.root(of: text) else { return }
        yaml.checkKeys(root, known: ["themes", "fallback"], in: "the file")
        if let fallback = yaml.string(root["fallback"], "fallback") { self.fallback = fallback }
        var seen: [String: Int] = [:]
        func add(_ node: Node, parent: String?) {
            yaml.checkKeys(node, known: ["id", "label", "terms", "background", "patterns", "children", "description"], in: "a theme")
            guard let id = yaml.id(of: node, kind: "theme", seen: &seen) else { return }
            if let parent, !id.hasPrefix(parent + ".") {
                yaml.report(.error, "bad-child-id", "child id '\(id)' should start with its parent's id '\(parent).'", at: node["id"])
            }
            var theme = themes.first { $0.id == id } ?? Theme(id: id, labels: [:], terms: [], patterns: [], origin: yaml.origin(node))
            theme.labels.merge(yaml.labels(node["label"])) { $1 }
            theme.terms += yaml.terms(node["terms"], "terms of '\(id)'", tokenizer: tokenizer)
            theme.background += yaml.terms(node["background"], "background terms of '\(id)'", tokenizer: tokenizer)
            theme.patterns += yaml.patterns(node["patterns"], "patterns of '\(id)'", mayYield: true)
            if let index = themes.firstIndex(where: { $0.id == id }) { themes[index] = theme } else { themes.append(theme) }
            for child in yaml.sequence(node["children"], "children of '\(id)'") { add(child, parent: id) }
        }
        let declared = yaml.sequence(root["themes"], "themes")
        for node in declared { add(node, parent: nil) }
        if root["fallback"] != nil {
            fallbackScope = Set(declared.compactMap { $0["id"]?.string }.map { String($0.split(separator: ".").first ?? Substring($0)) })
        }
        if let fallback, !themes.contains(where: { $0.id == fallback }) {
            yaml.report(.error, "unknown-theme", "fallback theme '\(fallback)' is not defined", at: root["fallback"])
        }
    }
}
