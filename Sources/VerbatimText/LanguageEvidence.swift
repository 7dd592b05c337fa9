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
        let listed = Self.listedWords  // fetched once: a static's every access checks it is set up
        for index in tokens.indices where tokens[index].kind == .word {  // fields read in place, not copied
            add(word: tokens[index].normalized, original: tokens[index].text, listed: listed)
        }
    }

    mutating func add(word: String, original: String, listed: ListedWords) {
        var hasDanishLetter = false
        var isLatin = false
        var isOtherScript = false
        var isLowerI = false
        var word = word
        let isASCII = word.withUTF8 { bytes in
            var ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false } else if byte &- 0x61 < 26 { isLatin = true }
            }
            isLowerI = bytes.count == 1 && bytes[0] == 0x69
            return ascii
        }
        if !isASCII {  // most words of both languages are ASCII: only the others are read by scalar
            for scalar in word.unicodeScalars {
                switch scalar.value {
                case 0x61...0x7A: isLatin = true
                case 0xE6, 0xF8, 0xE5: hasDanishLetter = true; isLatin = true  // æ ø å
                case 0x00C0...0x024F: isLatin = true
                default:
                    if scalar.value > 0x024F, CharacterClass(scalar.value).contains(.otherScript) { isOtherScript = true }
                }
            }
        }
        if isOtherScript {
            otherScriptWords += 1
            return
        }
        guard isLatin else { return }
        latinWords += 1
        if isLowerI, original == "I" {  // the English pronoun; Danish "i" (in) is written lower case
            credit(english: Weight.listedWord)
            return
        }
        if let id = listed.table.id(of: word) {
            if id < listed.danishCount { credit(danish: Weight.listedWord) } else { credit(english: Weight.listedWord) }
        } else if hasDanishLetter {
            credit(danish: Weight.danishLetter)
        } else if let isDanish = Self.endingIsDanish(word, isASCII: isASCII) {
            if isDanish { credit(danish: Weight.ending) } else { credit(english: Weight.ending) }
        }
    }

    /// The Danish then the English word lists in one table, looked up once per word: ids below
    /// `danishCount` are Danish words (a word on both lists counts as Danish, as it always has).
    struct ListedWords {
        var table = InternTable()
        let danishCount = Int32(danishWords.count)
    }

    private static let listedWords: ListedWords = {
        var listed = ListedWords()
        for word in danishWords.sorted() { _ = listed.table.intern(word) }
        for word in englishWords.sorted() { _ = listed.table.intern(word) }
        return listed
    }()

    private mutating func credit(danish points: Double) {
        danishPoints += points
        score += points
    }

    private mutating func credit(english points: Double) {
        englishPoints += points
        score -= points
    }

    /// Whether `word` is spelled as only Danish (true) or only English (false) spells ordinary
    /// words, nil when neither; read from the UTF-8 bytes, since this runs for most words.
    private static func endingIsDanish(_ word: String, isASCII: Bool) -> Bool? {
        guard isASCII || word.unicodeScalars.count >= 4 else { return nil }
        var word = word
        return word.withUTF8 { bytes -> Bool? in
            guard bytes.count >= 4 else { return nil }
            for ending in endingsByLastByte[Int(bytes[bytes.count - 1])] where bytes.count > ending.bytes.count + 1 {
                if bytes.suffix(ending.bytes.count).elementsEqual(ending.bytes) { return ending.isDanish }
            }
            let first = bytes[0], second = bytes[1]
            if second == 0x76, first == 0x68 || first == 0x6B { return true }  // hv kv
            if second == 0x68, first == 0x77 || first == 0x74 { return false }  // wh th
            var previous: UInt8 = 0
            for byte in bytes {
                // w, ck, ph, gh (as in "ough")
                if byte == 0x77 || byte == 0x6B && previous == 0x63 || byte == 0x68 && (previous == 0x70 || previous == 0x67) {
                    return false
                }
                previous = byte
            }
            return nil
        }
    }

    private static let endings: [(bytes: [UInt8], isDanish: Bool)] = [
        ("ningen", true), ("ninger", true), ("ningerne", true), ("heden", true), ("elsen", true), ("erne", true),
        ("ende", true), ("ligt", true), ("igt", true), ("lige", true), ("ning", true), ("hed", true), ("dt", true),
        ("ene", true), ("ede", true), ("tte", true), ("kke", true), ("eren", true), ("sen", true),
        ("tion", false), ("tions", false), ("ness", false), ("ing", false), ("ings", false), ("ly", false),
        ("ght", false), ("ful", false), ("ous", false), ("ied", false), ("ies", false), ("ated", false),
        ("ally", false), ("ment", false), ("able", false), ("'s", false), ("n't", false), ("ure", false),
    ].map { (Array($0.0.utf8), $0.1) }

    /// `endings` by their last byte, each list in the order above (the first that fits wins).
    private static let endingsByLastByte: [[(bytes: [UInt8], isDanish: Bool)]] = (0..<256).map { byte in
        endings.filter { $0.bytes.last == UInt8(byte) }
    }
}
