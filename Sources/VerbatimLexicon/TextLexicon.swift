import Foundation

/// What the text layer takes from a lexicon stack: the Danish compound vocabulary, merged over
/// every layer (later layers add words). Files are `da/compound-parts.txt` in each folder.
public struct TextLexicon: Hashable, Sendable {
    /// Lower-case Danish lemmas that may stand as compound parts.
    public var danishCompoundParts: [String]
    public var diagnostics: [Diagnostic]

    public init(danishCompoundParts: [String], diagnostics: [Diagnostic] = []) {
        self.danishCompoundParts = danishCompoundParts
        self.diagnostics = diagnostics
    }

    /// Loads the layers in order; a layer without the file contributes nothing.
    public init(layers: [URL]) throws(LexiconError) {
        var parts: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for layer in layers {
            let file = layer.appendingPathComponent("da/compound-parts.txt")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            let list = try WordList(contentsOf: file)
            diagnostics += list.diagnostics
            for entry in list.entries {
                let word = entry.lowercased()
                if seen.insert(word).inserted { parts.append(word) }
            }
        }
        self.init(danishCompoundParts: parts, diagnostics: diagnostics)
    }
}
