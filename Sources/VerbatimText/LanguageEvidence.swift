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
        if let listed = Self.listedWords.id(of: word) {
            if listed < Self.danishWordCount { credit(danish: Weight.listedWord) } else { credit(english: Weight.listedWord) }
        } else if hasDanishLetter {
            credit(danish: Weight.danishLetter)
        } else if let ending = Self.ending(of: word) {
            if ending.isDanish { credit(danish: Weight.ending) } else { credit(english: Weight.ending) }
        }
    }

    /// The Danish then the English word lists in one table, looked up once per word: ids below
    /// `danishWordCount` are Danish words (a word on both lists counts as Danish, as it always has).
    private static let listedWords: InternTable = {
        var table = InternTable()
        for word in danishWords.sorted() { _ = table.intern(word) }
        for word in englishWords.sorted() { _ = table.intern(word) }
        return table
    }()
    private static let danishWordCount = Int32(danishWords.count)

    private mutating func credit(danish points: Double) {
        danishPoints += points
        score += points
    }

    private mutating func credit(english points: Double) {
        englishPoints += points
        score -= points
    }

    /// Spellings that only one of the two languages uses in ordinary words, read from the UTF-8
    /// bytes (this runs for every word of every comment).
    private static func ending(of word: String) -> (suffix: String, isDanish: Bool)? {
        guard word.unicodeScalars.count >= 4 else { return nil }
        var word = word
        return word.withUTF8 { bytes -> (String, Bool)? in
            for ending in endings where bytes.count > ending.bytes.count + 1 {
                if bytes.suffix(ending.bytes.count).elementsEqual(ending.bytes) { return (ending.text, ending.isDanish) }
            }
            if bytes.starts(with: [0x68, 0x76]) || bytes.starts(with: [0x6B, 0x76]) { return ("hv", true) }  // hv kv
            if bytes.starts(with: [0x77, 0x68]) || bytes.starts(with: [0x74, 0x68]) { return ("th", false) }  // wh th
            var previous: UInt8 = 0
            for byte in bytes {
                // w, ck, ph, gh (as in "ough")
                if byte == 0x77 || byte == 0x6B && previous == 0x63 || byte == 0x68 && (previous == 0x70 || previous == 0x67) {
                    return ("w", false)
                }
                previous = byte
            }
            return nil
        }
    }

    private static let endings: [(text: String, bytes: [UInt8], isDanish: Bool)] = [
        ("ningen", true), ("ninger", true), ("ningerne", true), ("heden", true), ("elsen", true), ("erne", true),
        ("ende", true), ("ligt", true), ("igt", true), ("lige", true), ("ning", true), ("hed", true), ("dt", true),
        ("ene", true), ("ede", true), ("tte", true), ("kke", true), ("eren", true), ("sen", true),
        ("tion", false), ("tions", false), ("ness", false), ("ing", false), ("ings", false), ("ly", false),
        ("ght", false), ("ful", false), ("ous", false), ("ied", false), ("ies", false), ("ated", false),
        ("ally", false), ("ment", false), ("able", false), ("'s", false), ("n't", false), ("ure", false),
    ].map { ($0.0, Array($0.0.utf8), $0.1) }
}
