import CICU

/// Failures of the text layer's native libraries. Input text never causes these: they mean a
/// library or its data is missing.
public enum TextError: Error, CustomStringConvertible, Sendable {
    case icu(operation: String, code: Int32)
    case stemmerUnavailable(language: String)

    public var description: String {
        switch self {
        case .icu(let operation, let code):
            return "ICU failed \(operation): \(String(cString: vt_error_name(code)))"
        case .stemmerUnavailable(let language):
            return "no Snowball stemmer for '\(language)' (is libstemmer installed?)"
        }
    }
}
