import Foundation
import VerbatimText

/// Every lexicon file of a stack of folders (`--lexicons DIR`, repeatable), read in layer order.
/// In each folder, per language: `sentiment-*.tsv` (third-party derived, by name), `../emoji.tsv`,
/// `sentiment.tsv` (own entries), `modifiers.tsv`, `settings.tsv`; later files and later folders
/// override earlier ones term by term. Problems are collected as diagnostics, never thrown.
public struct LexiconStack: Sendable {
    public var layers: [URL] { didSet { filesDigest = nil } }
    public var languages: [Language: LanguageLexicon] { didSet { filesDigest = nil } }
    public var text: TextLexicon { didSet { filesDigest = nil } }
    public var themes = ThemeTaxonomy() { didSet { filesDigest = nil } }
    public var touchpoints = TouchpointCatalog() { didSet { filesDigest = nil } }
    public var flags = FlagRules() { didSet { filesDigest = nil } }
    public var diagnostics: [Diagnostic]
    /// A digest of every file the stack was read from, to tell whether loading `layers` again
    /// gives the same stack (comparable within one process only); nil once the stack has been
    /// changed after loading.
    public private(set) var filesDigest: Int?

    /// Languages with lexicon files.
    public static let languages: [Language] = [.english, .danish]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(layers: [URL]) throws(LexiconError) {
        self.layers = layers
        var diagnostics: [Diagnostic] = []
        var digest = Hasher()
        var languages: [Language: LanguageLexicon] = [:]
        for language in Self.languages { languages[language] = LanguageLexicon(language: language) }
        // The layer each language's terms were last set in, to tell a later layer's override.
        var termLayers: [Language: [String: Int]] = [:]
        for (layerNumber, layer) in layers.enumerated() {
            for language in Self.languages {
                var lexicon = languages[language]!
                let folder = layer.appendingPathComponent(language.code)
                for file in try Self.sentimentFiles(in: folder, layer: layer) {
                    let parsed = SentimentLexiconParser.entries(try Self.read(file, into: &digest), file: Self.display(file))
                    for (old, new) in lexicon.layer(entries: parsed.entries)
                    where termLayers[language]?[old.term] ?? layerNumber < layerNumber && old.valence != new.valence {
                        diagnostics.append(Diagnostic(
                            severity: .note, code: "shadowed-term",
                            message: "'\(new.term)' (\(new.valence)) overrides \(old.valence) from \(old.origin) in an earlier layer",
                            file: new.origin.file, line: new.origin.line))
                    }
                    for entry in parsed.entries { termLayers[language, default: [:]][entry.term] = layerNumber }
                    if language == Self.languages.first || !file.path.hasSuffix("/emoji.tsv") {
                        diagnostics += parsed.diagnostics
                    }
                }
                let modifiersFile = folder.appendingPathComponent("modifiers.tsv")
                if FileManager.default.fileExists(atPath: modifiersFile.path) {
                    let parsed = SentimentLexiconParser.modifiers(try Self.read(modifiersFile, into: &digest), file: Self.display(modifiersFile))
                    lexicon.layer(modifiers: parsed.modifiers)
                    diagnostics += parsed.diagnostics
                }
                let settingsFile = folder.appendingPathComponent("settings.tsv")
                if FileManager.default.fileExists(atPath: settingsFile.path) {
                    let parsed = SentimentLexiconParser.settings(try Self.read(settingsFile, into: &digest), file: Self.display(settingsFile), over: lexicon.settings)
                    lexicon.settings = parsed.settings
                    diagnostics += parsed.diagnostics
                }
                languages[language] = lexicon
            }
        }
        self.languages = languages
        diagnostics += Self.crossLanguageCollisions(languages)
        // themes.yaml, touchpoints.yaml and flags.yaml sit at the top of a layer (both languages).
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer() } catch { throw LexiconError.unreadable(path: "ICU", reason: "\(error)") }
        for layer in layers {
            let themesFile = layer.appendingPathComponent("themes.yaml")
            if FileManager.default.fileExists(atPath: themesFile.path) {
                themes.layer(try Self.read(themesFile, into: &digest), file: Self.display(themesFile), tokenizer: tokenizer, diagnostics: &diagnostics)
            }
            let touchpointsFile = layer.appendingPathComponent("touchpoints.yaml")
            if FileManager.default.fileExists(atPath: touchpointsFile.path) {
                touchpoints.layer(try Self.read(touchpointsFile, into: &digest), file: Self.display(touchpointsFile), tokenizer: tokenizer, diagnostics: &diagnostics)
            }
            let flagsFile = layer.appendingPathComponent("flags.yaml")
            if FileManager.default.fileExists(atPath: flagsFile.path) {
                flags.layer(try Self.read(flagsFile, into: &digest), file: Self.display(flagsFile), tokenizer: tokenizer, diagnostics: &diagnostics)
            }
        }
        self.text = try TextLexicon(layers: layers)
        digest.combine(text)
        filesDigest = digest.finalize()
        diagnostics += Self.unknownThemeReferences(flags: flags, themes: themes) + Self.unknownYieldTargets(in: themes)
        self.diagnostics = diagnostics + text.diagnostics
    }

    /// Flag conditions that name a theme the taxonomy does not define.
    static func unknownThemeReferences(flags: FlagRules, themes: ThemeTaxonomy) -> [Diagnostic] {
        let known = Set(themes.themes.map(\.id))
        var found: [Diagnostic] = []
        func visit(_ condition: FlagRules.Condition, flag: FlagRules.Flag) {
            switch condition {
            case .themes(let ids):
                for id in ids where !known.contains(id) {
                    found.append(Diagnostic(severity: .error, code: "unknown-theme", message: "flag '\(flag.id)' names theme '\(id)', which no themes.yaml defines", file: flag.origin.file, line: flag.origin.line))
                }
            case .all(let parts), .any(let parts): parts.forEach { visit($0, flag: flag) }
            case .not(let part): visit(part, flag: flag)
            default: break
            }
        }
        for flag in flags.flags { visit(flag.condition, flag: flag) }
        return found
    }

    /// Theme patterns that yield to a theme the taxonomy does not define.
    static func unknownYieldTargets(in themes: ThemeTaxonomy) -> [Diagnostic] {
        let known = Set(themes.themes.map(\.id))
        return themes.themes.flatMap { theme in
            theme.patterns.flatMap { pattern in
                pattern.yieldsTo.filter { !known.contains($0) }.map { id in
                    Diagnostic(severity: .error, code: "unknown-theme", message: "a pattern of '\(theme.id)' yields to theme '\(id)', which no themes.yaml defines",
                               file: pattern.origin.file, line: pattern.origin.line)
                }
            }
        }
    }

    /// The sentiment files of one language folder, in the order they apply.
    static func sentimentFiles(in folder: URL, layer: URL) throws(LexiconError) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files = names.filter { $0.hasPrefix("sentiment-") && $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0) }
        let emoji = layer.appendingPathComponent("emoji.tsv")
        if FileManager.default.fileExists(atPath: emoji.path) { files.append(emoji) }
        if names.contains("sentiment.tsv") { files.append(folder.appendingPathComponent("sentiment.tsv")) }
        return files
    }

    static func read(_ url: URL, into digest: inout Hasher) throws(LexiconError) -> String {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            digest.combine(url.path)
            digest.combine(text)
            return text
        } catch {
            throw LexiconError.unreadable(path: url.path, reason: "not readable as UTF-8 (\(error.localizedDescription))")
        }
    }

    /// Paths in diagnostics and explanations: relative to the working directory when inside it.
    static func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    /// A word in both languages' lexicons with opposite polarity ("gift": poison or married in
    /// Danish, a present in English): a mixed-language comment reads it one way or the other.
    /// Notes, at the Danish entry, for entries of at least ±1.
    static func crossLanguageCollisions(_ languages: [Language: LanguageLexicon]) -> [Diagnostic] {
        guard let english = languages[.english], let danish = languages[.danish] else { return [] }
        var englishByTerm: [String: SentimentEntry] = [:]
        for entry in english.entries { englishByTerm[entry.term] = entry }
        return danish.entries.compactMap { entry in
            guard let other = englishByTerm[entry.term], entry.valence * other.valence < 0, abs(entry.valence) >= 1, abs(other.valence) >= 1 else { return nil }
            return Diagnostic(
                severity: .note, code: "cross-language-collision",
                message: "'\(entry.term)' is \(entry.valence) in Danish but \(other.valence) in English (\(other.origin)); a comment of the other language reads it the other way",
                file: entry.origin.file, line: entry.origin.line)
        }
    }
}
