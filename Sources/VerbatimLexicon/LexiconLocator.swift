import Foundation

/// Finds the bundled `lexicons/` folder when the user names none: `$VERBATIM_LEXICONS`, then
/// `share/verbatim/lexicons` beside an installed binary, then `lexicons/` in a source checkout
/// that holds the binary's build folder (`swift build`, `swift run`).
public struct LexiconLocator: Sendable {
    public var environment: [String: String]
    public var executablePath: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executablePath: String = CommandLine.arguments.first ?? ""
    ) {
        self.environment = environment
        self.executablePath = executablePath
    }

    /// The folders looked at, in order.
    public var candidates: [URL] {
        var candidates: [URL] = []
        if let fromEnvironment = environment["VERBATIM_LEXICONS"], !fromEnvironment.isEmpty {
            candidates.append(URL(fileURLWithPath: fromEnvironment))
        }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("../share/verbatim/lexicons").standardizedFileURL)
        // .build/<triple>/<configuration>/verbatim → the checkout's lexicons/
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("lexicons"))
        }
        return candidates
    }

    /// The first candidate that holds a lexicon stack.
    public func bundledLexicons() throws(LexiconError) -> URL {
        for candidate in candidates where Self.isLexiconFolder(candidate) {
            return candidate
        }
        throw LexiconError.notFound(searched: candidates.map(\.path))
    }

    static func isLexiconFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let readme = url.appendingPathComponent("README.md").path
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            && FileManager.default.fileExists(atPath: readme)
    }
}
