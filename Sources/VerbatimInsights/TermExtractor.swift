import VerbatimText

/// The content words and two-word phrases of a comment, for emerging terms: normalised words of
/// three or more letters that are not function words, and pairs of such words next to each other.
public struct TermExtractor: Sendable {
    public init() {}

    public func terms(of text: AnalyzedText) -> [String] {
        var words: [String?] = []
        for token in text.tokens {
            switch token.kind {
            case .word:
                let word = token.normalized
                words.append(word.utf8.count >= 3 && Self.isLetters(word) && !FunctionWords.contains(word) ? word : nil)
            case .punctuation, .symbol, .emoji, .emoticon, .number, .url, .email:
                words.append(nil)
            }
        }
        var terms: [String] = []
        for (index, word) in words.enumerated() {
            guard let word else { continue }
            terms.append(word)
            if index + 1 < words.count, let next = words[index + 1] { terms.append(word + " " + next) }
        }
        return terms
    }

    /// Only letters: ASCII letters checked byte by byte, other characters by their Unicode property.
    static func isLetters(_ word: String) -> Bool {
        var ascii = true
        for byte in word.utf8 {
            if byte >= 0x80 { ascii = false; break }
            if !(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) && !(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return false }
        }
        return ascii || word.unicodeScalars.allSatisfy(\.properties.isAlphabetic)
    }
}
