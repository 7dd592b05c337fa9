import Foundation
import VerbatimText

/// Parses the lexicon file formats (`sentiment*.tsv`, `modifiers.tsv`, `settings.tsv`,
/// `emoji.tsv`), collecting a diagnostic for every problem and keeping every valid line.
public enum SentimentLexiconParser {
    /// `term<TAB>valence[<TAB>spread]`.
    public static func entries(_ text: String, file: String) -> (entries: [SentimentEntry], diagnostics: [Diagnostic]) {
        var entries: [SentimentEntry] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: (line: Int, valence: Double)] = [:]
        for line in TSVLine.lines(of: text) {
            func report(_ severity: Diagnostic.Severity, _ code: String, _ message: String, column: Int) {
                diagnostics.append(Diagnostic(severity: severity, code: code, message: message, file: file, line: line.number, column: column))
            }
            guard line.fields.count >= 2 else {
                report(.error, "missing-field", "expected term<TAB>valence; found no valence", column: line.fields.first?.column ?? 1)
                continue
            }
            let term = line.fields[0]
            guard let valence = Double(line.fields[1].text) else {
                report(.error, "bad-number", "valence '\(line.fields[1].text)' is not a number", column: line.fields[1].column)
                continue
            }
            guard (-4...4).contains(valence) else {
                report(.error, "valence-out-of-range", "valence \(line.fields[1].text) is outside −4…+4", column: line.fields[1].column)
                continue
            }
            var spread: Double?
            if line.fields.count >= 3 {
                guard let value = Double(line.fields[2].text), value >= 0 else {
                    report(.error, "bad-number", "spread '\(line.fields[2].text)' is not a non-negative number", column: line.fields[2].column)
                    continue
                }
                spread = value
            }
            if let problem = wildcardProblem(term.text) {
                report(.error, "wildcard-position", problem, column: term.column + (term.text.distance(to: "*")))
                continue
            }
            // Exact spelling: emoticons differ by case (":D", ":d"); words are lower case by convention.
            let key = term.text
            if let earlier = seen[key] {
                if earlier.valence == valence {
                    report(.warning, "duplicate-term", "'\(term.text)' is already listed on line \(earlier.line)", column: term.column)
                } else {
                    report(.error, "conflicting-duplicate", "'\(term.text)' is listed on line \(earlier.line) with valence \(earlier.valence); this line says \(valence)", column: term.column)
                }
                continue
            }
            seen[key] = (line.number, valence)
            entries.append(SentimentEntry(term: term.text, valence: valence, spread: spread, origin: EntryOrigin(file: file, line: line.number)))
        }
        return (entries, diagnostics)
    }

    /// `term<TAB>kind<TAB>value[<TAB>window]`.
    public static func modifiers(_ text: String, file: String) -> (modifiers: [Modifier], diagnostics: [Diagnostic]) {
        var modifiers: [Modifier] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for line in TSVLine.lines(of: text) {
            func report(_ code: String, _ message: String, column: Int, severity: Diagnostic.Severity = .error) {
                diagnostics.append(Diagnostic(severity: severity, code: code, message: message, file: file, line: line.number, column: column))
            }
            guard line.fields.count >= 3 else {
                report("missing-field", "expected term<TAB>kind<TAB>value", column: line.fields.last.map { $0.column + $0.text.count } ?? 1)
                continue
            }
            guard let kind = ModifierKind(rawValue: line.fields[1].text) else {
                let kinds = ModifierKind.allCases.map(\.rawValue).joined(separator: ", ")
                report("unknown-kind", "unknown modifier kind '\(line.fields[1].text)'; kinds are \(kinds)", column: line.fields[1].column)
                continue
            }
            guard let value = Double(line.fields[2].text) else {
                report("bad-number", "value '\(line.fields[2].text)' is not a number", column: line.fields[2].column)
                continue
            }
            var window: Int?
            if line.fields.count >= 4 {
                guard let value = Int(line.fields[3].text), value >= 1 else {
                    report("bad-number", "window '\(line.fields[3].text)' is not a whole number of words ≥ 1", column: line.fields[3].column)
                    continue
                }
                window = value
            }
            let term = line.fields[0]
            if term.text.contains("*") {
                report("wildcard-position", "modifiers take no wildcard", column: term.column + term.text.distance(to: "*"))
                continue
            }
            if let earlier = seen[term.text.lowercased()] {
                report("duplicate-term", "'\(term.text)' is already a modifier on line \(earlier)", column: term.column, severity: .warning)
                continue
            }
            seen[term.text.lowercased()] = line.number
            modifiers.append(Modifier(term: term.text, kind: kind, value: value, window: window, origin: EntryOrigin(file: file, line: line.number)))
        }
        return (modifiers, diagnostics)
    }

    /// `name<TAB>value`, applied over `settings`.
    public static func settings(_ text: String, file: String, over settings: SentimentSettings) -> (settings: SentimentSettings, diagnostics: [Diagnostic]) {
        var settings = settings
        var diagnostics: [Diagnostic] = []
        for line in TSVLine.lines(of: text) {
            let name = line.fields[0]
            guard let keyPath = SentimentSettings.names[name.text] else {
                let known = SentimentSettings.names.keys.sorted().joined(separator: ", ")
                diagnostics.append(Diagnostic(severity: .error, code: "unknown-setting", message: "unknown setting '\(name.text)'; settings are \(known)", file: file, line: line.number, column: name.column))
                continue
            }
            guard line.fields.count >= 2, let value = Double(line.fields[1].text) else {
                let column = line.fields.count >= 2 ? line.fields[1].column : name.column + name.text.count
                diagnostics.append(Diagnostic(severity: .error, code: "bad-number", message: "setting '\(name.text)' needs a number", file: file, line: line.number, column: column))
                continue
            }
            settings[keyPath: keyPath] = value
        }
        return (settings, diagnostics)
    }

    /// What is wrong with a `*` in `term`, if anything: only one, at the end of a one-word term,
    /// after at least three letters. In a term without letters (an emoticon such as `:*`) a `*`
    /// is an ordinary character.
    static func wildcardProblem(_ term: String) -> String? {
        guard term.utf8.contains(UInt8(ascii: "*")), term.unicodeScalars.contains(where: \.properties.isAlphabetic) else { return nil }
        if term.filter({ $0 == "*" }).count > 1 || !term.hasSuffix("*") {
            return "'*' may only end a term (a prefix such as 'disappoint*')"
        }
        if term.contains(" ") { return "'*' may only end a one-word term, not a phrase" }
        if term.dropLast().count < 3 { return "a prefix before '*' needs at least three letters" }
        return nil
    }
}

extension String {
    /// Characters before the first `character` (or the length when absent).
    fileprivate func distance(to character: Character) -> Int {
        firstIndex(of: character).map { distance(from: startIndex, to: $0) } ?? count
    }
}
