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
                words.append(word.utf8.count >= 3 && Self.isLetters(word) && !Self.functionWords.contains(word) ? word : nil)
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

    /// English and Danish function words and survey filler ("very", "meget").
    static let functionWords: Set<String> = [
        "the", "and", "but", "for", "not", "you", "your", "was", "were", "are", "has", "have", "had", "with", "this", "that",
        "they", "them", "their", "there", "then", "than", "from", "into", "out", "all", "any", "can", "could", "would", "should",
        "will", "just", "very", "really", "also", "too", "get", "got", "its", "it's", "i'm", "i've", "don't", "didn't", "did",
        "does", "been", "being", "about", "after", "before", "again", "what", "when", "where", "which", "who", "why", "how",
        "our", "ours", "she", "him", "her", "his", "one", "two", "some", "more", "most", "much", "many", "only", "even", "still",
        "because", "over", "under", "here", "well", "now", "yes", "off", "own", "same", "such", "each", "other", "these", "those",
        "og", "men", "ikke", "det", "den", "der", "jeg", "mig", "min", "mit", "mine", "har", "havde", "var", "være", "blev",
        "til", "fra", "med", "for", "som", "hvor", "hvad", "hvis", "når", "kan", "kunne", "skal", "skulle", "vil", "ville",
        "meget", "lidt", "også", "bare", "helt", "rigtig", "rigtigt", "jeres", "jer", "vores", "vi", "de", "dem", "deres",
        "han", "hun", "hans", "hendes", "sig", "sin", "sit", "sine", "efter", "før", "igen", "over", "under", "ind", "op",
        "ned", "alle", "alt", "nogle", "noget", "nogen", "andre", "andet", "eller", "end", "men", "så", "nu", "her", "der",
        "dette", "disse", "denne", "hos", "mod", "uden", "om", "ved", "af", "på", "en", "et", "er", "at", "du", "dig", "din",
        // Numbers, months and weekdays: frequent in comments, never a theme or a feeling of their own.
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twice", "first", "second", "third",
        "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "første", "anden", "tredje",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "januar", "februar", "marts", "juni", "juli", "oktober", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "year", "years", "month", "months", "week", "weeks", "day", "days", "år", "måned", "måneder", "uge", "uger", "dag", "dage",
    ]
}
