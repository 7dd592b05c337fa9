import ArgumentParser
import Foundation
import VerbatimAnalysis
import VerbatimLexicon
import VerbatimText

/// `--lexicons DIR` (repeatable), shared by every command that analyses text.
struct LexiconOptions: ParsableArguments {
    @Option(
        name: .customLong("lexicons"),
        help: ArgumentHelp("A lexicon folder; repeat to layer (later folders add to and override earlier ones).",
                           valueName: "DIR"))
    var folders: [String] = []

    @Flag(name: .customLong("lexicon-warnings"), help: "Print the lexicons' warnings too (duplicates, terms that never match).")
    var verbose = false

    /// The lexicon layers to load: the given folders, or the bundled lexicons.
    func layers() throws -> [URL] {
        if folders.isEmpty { return [try LexiconLocator().bundledLexicons()] }
        return try folders.map { folder in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LexiconError.unreadable(path: folder, reason: "no such folder")
            }
            return URL(fileURLWithPath: folder)
        }
    }

    /// Loads and compiles the stack, printing its diagnostics like a compiler; errors stop the run.
    func compile() throws -> CompiledLexicons {
        try load().compiled
    }

    /// The stack as loaded (for labels) and compiled.
    func load() throws -> (stack: LexiconStack, compiled: CompiledLexicons) {
        let stack = try LexiconStack(layers: try layers())
        let compiled = try CompiledLexicons(stack)
        for diagnostic in compiled.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        let warnings = compiled.diagnostics.count { $0.severity != .error }
        if warnings > 0, verbose {
            for diagnostic in compiled.diagnostics where diagnostic.severity != .error { printError(diagnostic.description) }
        }
        if stack.hasErrors {
            throw LexiconStackError(errors: stack.diagnostics.count { $0.severity == .error })
        }
        return (stack, compiled)
    }
}

/// The lexicon stack has errors (already printed).
struct LexiconStackError: Error, CustomStringConvertible {
    var errors: Int
    var description: String { "the lexicons have \(errors) error(s); each is listed above with its file and line ('verbatim lexicon check' lists warnings too)" }
}

extension LexiconStack {
    /// Theme, touch-point and flag labels in `language` (English where a label is missing), by id.
    func labels(in language: Language) -> [String: String] {
        var labels: [String: String] = [:]
        for theme in themes.themes { labels[theme.id] = theme.labels[language] ?? theme.labels[.english] }
        for touchpoint in touchpoints.touchpoints { labels[touchpoint.id] = touchpoint.labels[language] ?? touchpoint.labels[.english] }
        for flag in flags.flags { labels[flag.id] = flag.labels[language] ?? flag.labels[.english] }
        return labels
    }

    /// Every term the stack has, lower-cased: sentiment entries, modifiers and theme, touch-point
    /// and flag terms (words and phrases as written).
    var existingTerms: Set<String> {
        var terms = Set<String>()
        for lexicon in languages.values {
            for entry in lexicon.entries { terms.insert(entry.term.lowercased()) }
            for modifier in lexicon.modifiers { terms.insert(modifier.term.lowercased()) }
        }
        for theme in themes.themes { for (_, term) in theme.terms + theme.background { terms.insert(term.source.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))) } }
        for touchpoint in touchpoints.touchpoints { for (_, term) in touchpoint.terms { terms.insert(term.source.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))) } }
        for set in flags.termSets { for (_, term) in set { terms.insert(term.source.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))) } }
        return terms
    }
}
