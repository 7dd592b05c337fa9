/// Generates survey-like bilingual comments from a fixed seed: half English, half Danish, 3–60
/// words, with capitals, punctuation runs, emoji, emoticons, numbers with units, compounds and
/// the odd URL, so every tokenizer path is exercised in realistic proportions.
public struct CorpusGenerator {
    private var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let english = """
        the delivery was fast but driver rude app keeps crashing after update support never called back waited \
        three weeks for my parcel staff friendly helpful price too high invoice wrong refund still missing \
        would recommend easy order website slow login failed again great service thank you very much really \
        disappointed with quality product arrived damaged box broken no problems at all could not fault them \
        went above and beyond on hold for forty minutes nobody answered email promised update never came \
        contract renewal price increase switching provider cancel subscription technician came on time
        """.split(separator: " ").map(String.init)
    static let danish = """
        leveringen var hurtig men chaufføren sur appen crasher hele tiden efter opdateringen kundeservice ringede \
        aldrig tilbage ventede tre uger på min pakke personalet venlige hjælpsomme prisen alt for høj fakturaen \
        forkert pengene ikke refunderet kan varmt anbefales nem bestilling hjemmesiden langsom login fejlede igen \
        god service tak skal i have rigtig skuffet over kvaliteten varen kom beskadiget ingen problemer overhovedet \
        ikke noget at udsætte lang ventetid telefonkøen bredbåndsforbindelsen leveringstiden hjemmelevering \
        opsige abonnement skifte udbyder teknikeren kom til tiden bøvl helt i orden
        """.split(separator: " ").map(String.init)
    static let extras = ["😡", "👍🏽", "😍", "🙄", ":-)", ":(", "<3", "10/10", "3 dage", "2 weeks", "299 kr", "www.shop.dk", "!!!", "?", "..."]

    public mutating func comment() -> String { labelledComment().text }

    /// A comment and the language it was generated in (`en` or `da`).
    public mutating func labelledComment() -> (language: String, text: String) {
        let words = Int(random.next() % 58) + 3
        let isEnglish = random.next() % 2 == 0
        let pool = isEnglish ? Self.english : Self.danish
        var text = ""
        text.reserveCapacity(words * 8)
        var sentenceStart = true
        for index in 0..<words {
            if index > 0 { text += " " }
            let roll = random.next() % 100
            if roll < 6 {
                text += Self.extras[Int(random.next() % UInt64(Self.extras.count))]
                continue
            }
            var word = pool[Int(random.next() % UInt64(pool.count))]
            if sentenceStart { word = word.prefix(1).uppercased() + word.dropFirst() }
            if roll == 99 { word = word.uppercased() }
            text += word
            sentenceStart = false
            if roll >= 88 && roll < 96 {
                text += [".", ",", "!", ".", ",", "?", ";", "."][Int(roll - 88)]
                sentenceStart = roll == 88 || roll == 90 || roll == 91 || roll == 93 || roll == 95
            }
        }
        return (isEnglish ? "en" : "da", text)
    }
}

public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
