/// Lexicon failures that stop loading altogether (a missing or unreadable file or folder).
/// Problems inside a file are `Diagnostic`s instead.
public enum LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notFound(searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read lexicon file: \(reason)"
        case .notFound(let searched):
            return "no lexicon folder found; looked in: \(searched.joined(separator: ", ")) (pass --lexicons DIR)"
        }
    }
}
