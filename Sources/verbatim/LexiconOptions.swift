import ArgumentParser
import Foundation
import VerbatimLexicon

/// `--lexicons DIR` (repeatable), shared by every command that analyses text.
struct LexiconOptions: ParsableArguments {
    @Option(
        name: .customLong("lexicons"),
        help: ArgumentHelp("A lexicon folder; repeat to layer (later folders add to and override earlier ones).",
                           valueName: "DIR"))
    var folders: [String] = []

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
}
