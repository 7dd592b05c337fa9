/// Verbatim's own evidence for English against Danish, read from a comment's tokens: frequent
/// words of one language that are not words of the other (`LanguageWordLists.swift`), the letters
/// æ ø å, and endings that only one of the two languages uses. Short survey comments are mostly
/// such words, which is where CLD2 alone is weakest.
public struct LanguageEvidence: Hashable, Sendable {
    /// Points for Danish (positive) against English (negative), summed over the words.
    public var score: Double = 0
    /// Points that went to Danish.
    public var danishPoints: Double = 0
    /// Points that went to English.
    public var englishPoints: Double = 0
    /// Words of Latin script seen.
    public var latinWords = 0
    /// Words of other scripts (CJK, Arabic, Cyrillic, …) seen.
    public var otherScriptWords = 0

    /// Weights of each kind of evidence, in points.
    enum Weight {
        static let listedWord = 1.0
        static let danishLetter = 2.0
        static let ending = 0.5
    }

    public init() {}

    /// Reads the evidence of `tokens`.
    public init(tokens: [Token]) {
        for token in tokens where token.kind == .word {
            add(word: token.normalized, original: token.text)
        }
    }

    mutating func add(word: String, original: String) {
        var hasDanishLetter = false
        var isLatin = false
        var isOtherScript = false
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A: isLatin = true
            case 0xE6, 0xF8, 0xE5: hasDanishLetter = true; isLatin = true  // æ ø å
            case 0x00C0...0x024F: isLatin = true
            default:
                if scalar.value > 0x024F, CharacterClass(scalar.value).contains(.otherScript) { isOtherScript = true }
            }
        }
        if isOtherScript {
            otherScriptWords += 1
            return
        }
        guard isLatin else { return }
        latinWords += 1
        if original == "I" {  // the English pronoun; Danish "i" (in) is written lower case
            credit(english: Weight.listedWord)
            return
        }
        if Self.danishWords.contains(word) {
            credit(danish: Weight.listedWord)
        } else if Self.englishWords.contains(word) {
            credit(english: Weight.listedWord)
        } else if hasDanishLetter {
            credit(danish: Weight.danishLetter)
        } else if let ending = Self.ending(of: word) {
            if ending.isDanish { credit(danish: Weight.ending) } else { credit(english: Weight.ending) }
        }
    }

    private mutating func credit(danish points: Double) {
        danishPoints += points
        score += points
    }

    private mutating func credit(english points: Double) {
        englishPoints += points
        score -= points
    }

    /// Spellings that only one of the two languages uses in ordinary words.
    private static func ending(of word: String) -> (suffix: String, isDanish: Bool)? {
        let length = word.unicodeScalars.count
        guard length >= 4 else { return nil }
        for (suffix, isDanish) in endings where word.hasSuffix(suffix) && length > suffix.count + 1 {
            return (suffix, isDanish)
        }
        if word.hasPrefix("hv") || word.hasPrefix("kv") { return ("hv", true) }
        if word.hasPrefix("wh") || word.hasPrefix("th") { return ("th", false) }
        if word.contains("w") || word.contains("ck") || word.contains("ph") || word.contains("ough") {
            return ("w", false)
        }
        return nil
    }

    private static let endings: [(String, Bool)] = [
        ("ningen", true), ("ninger", true), ("ningerne", true), ("heden", true), ("elsen", true), ("erne", true),
        ("ende", true), ("ligt", true), ("igt", true), ("lige", true), ("ning", true), ("hed", true), ("dt", true),
        ("ene", true), ("ede", true), ("tte", true), ("kke", true), ("eren", true), ("sen", true),
        ("tion", false), ("tions", false), ("ness", false), ("ing", false), ("ings", false), ("ly", false),
        ("ght", false), ("ful", false), ("ous", false), ("ied", false), ("ies", false), ("ated", false),
        ("ally", false), ("ment", false), ("able", false), ("'s", false), ("n't", false), ("ure", false),
    ]
}
