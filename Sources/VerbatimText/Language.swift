/// The languages Verbatim analyses, and `und` when a comment is neither or cannot be told.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case english = "en"
    case danish = "da"
    case undetermined = "und"

    /// The ISO 639-1 code ("en", "da") or "und".
    public var code: String { rawValue }

    /// Parses "en", "english", "da", "dansk", "danish", "und" (case-insensitive).
    public init?(code: String) {
        switch code.lowercased() {
        case "en", "eng", "english", "engelsk": self = .english
        case "da", "dan", "danish", "dansk": self = .danish
        case "und", "": self = .undetermined
        default: return nil
        }
    }
}
