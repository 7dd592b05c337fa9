/// Joins adjacent punctuation that a reader takes as one mark: "!!!", "?!", "..." — so emphasis
/// stays countable (`Token.exclamationCount`) and an ellipsis is one token.
enum PunctuationRun {
    /// The merged token when `next` directly continues the run ending in `last`, otherwise nil.
    static func merge(_ last: Token, _ next: Token) -> Token? {
        guard last.kind == .punctuation, next.kind == .punctuation,
            last.range.upperBound == next.range.lowerBound,
            let lastFamily = family(of: last.normalized), lastFamily == family(of: next.normalized)
        else { return nil }
        var merged = last
        merged.text += next.text
        merged.normalized += next.normalized
        merged.range = last.range.lowerBound..<next.range.upperBound
        merged.utf16Range = last.utf16Range.lowerBound..<next.utf16Range.upperBound
        merged.utf8Range = last.utf8Range.lowerBound..<next.utf8Range.upperBound
        return merged
    }

    private enum Family { case exclamation, ellipsis }

    private static func family(of normalized: String) -> Family? {
        if normalized.unicodeScalars.allSatisfy({ $0 == "!" || $0 == "?" || $0 == "‼" || $0 == "⁉" }) {
            return .exclamation
        }
        if normalized.unicodeScalars.allSatisfy({ $0 == "." || $0 == "…" }) { return .ellipsis }
        return nil
    }
}
