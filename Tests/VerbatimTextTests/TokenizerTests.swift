import Testing
@testable import VerbatimText

@Suite struct TokenizerTests {
    let tokenizer = try! Tokenizer()

    func kinds(_ text: String) -> [String] {
        tokenizer.tokenize(text).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test(arguments: [
        (":)", "emoticon"), (":-(", "emoticon"), ("<3", "emoticon"), (":D", "emoticon"), (";-)", "emoticon"),
        (":'(", "emoticon"), ("XD", "emoticon"), ("^_^", "emoticon"), (":)))", "emoticon"), ("</3", "emoticon"),
        ("https://shop.example.dk/ordre?id=7", "url"), ("www.elgiganten.dk", "url"), ("norlys.dk/kontakt", "url"),
        ("kunde.service@firma.dk", "email"), ("👍🏽", "emoji"), ("👨‍👩‍👧", "emoji"), ("🇩🇰", "emoji"),
        ("❤️", "emoji"), ("😡", "emoji"), ("©", "symbol"), ("€", "symbol"), ("!!!", "punctuation"),
        ("42", "number"), ("1,5", "number"), ("can't", "word"), ("kundeservice", "word"),
    ])
    func recognisesTokenKinds(text: String, kind: String) {
        let tokens = tokenizer.tokenize("x \(text) y")
        #expect(tokens.count == 3, "\(tokens.map(\.text))")
        #expect(tokens[1].kind.rawValue == kind)
        #expect(tokens[1].text == text)
    }

    @Test func emoticonsNeedTheirOwnSpace() {
        #expect(kinds("kl. 10:30") == ["word:kl", "punctuation:.", "number:10", "punctuation::", "number:30"])
        #expect(kinds("C:/data") .contains("emoticon::/") == false)
        #expect(kinds("Tak:)") == ["word:Tak", "emoticon::)"])
        #expect(kinds("note:Delivery").contains("emoticon::D") == false)
        #expect(kinds("<30 min").contains("emoticon:<3") == false)
    }

    @Test func urlsLeaveTrailingPunctuation() {
        #expect(kinds("see https://x.dk/a.") == ["word:see", "url:https://x.dk/a", "punctuation:."])
        #expect(kinds("(www.x.com)") == ["punctuation:(", "url:www.x.com", "punctuation:)"])
        #expect(kinds("It was ok.no problem").contains("url:ok.no") == false)
    }

    @Test func offsetsAreCodePointsIntoTheOriginal() {
        let text = "Æg 👍🏽 og 🇩🇰!"
        let tokens = tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let slice = String(String.UnicodeScalarView(scalars[token.range]))
            #expect(slice == token.text)
        }
        #expect(tokens.map(\.range) == [0..<2, 3..<5, 6..<8, 9..<11, 11..<12])
    }

    /// Pattern matches come back as UTF-8 byte offsets: each token's byte range must cut out its text,
    /// past two-, three- and four-byte characters and a merged "!!!" run.
    @Test func byteOffsetsCutOutEachToken() {
        let text = "Pakken kom før tid — æøå 👍🏽 ok!!! 2 dage"
        let bytes = Array(text.utf8)
        let tokens = tokenizer.tokenize(text)
        for token in tokens {
            #expect(String(decoding: bytes[token.utf8Range], as: UTF8.self) == token.text)
        }
        #expect(tokens.contains { $0.text == "!!!" && $0.utf8Range.count == 3 })
    }

    @Test func normalisesForLookup() {
        let tokens = tokenizer.tokenize("ＦＵＬＬＷＩＤＴＨ ﬁne Straße CAN’T Ærlig 👍🏽 ❤️")
        #expect(tokens.map(\.normalized) == ["fullwidth", "fine", "strasse", "can't", "ærlig", "👍", "❤"])
    }

    @Test func recordsCaseShapeAndElongation() {
        let tokens = tokenizer.tokenize("GREAT Great great iPhone I sooo 42")
        #expect(tokens.map(\.caseShape) == [.allCaps, .capitalized, .lower, .mixed, .capitalized, .lower, .uncased])
        #expect(tokens.map(\.isElongated) == [false, false, false, false, false, true, false])
    }

    @Test func keepsRunsOfMarksCountable() {
        let tokens = tokenizer.tokenize("Awful!!! Really?!? Well... ok！！")
        let marks = tokens.filter { $0.kind == .punctuation }
        #expect(marks.map(\.text) == ["!!!", "?!?", "...", "！！"])
        #expect(marks.map(\.exclamationCount) == [3, 1, 0, 2])
        #expect(marks.map(\.questionCount) == [0, 2, 0, 0])
    }

    @Test func splitsAFullStopWithoutASpace() {
        #expect(kinds("fast.The driver") == ["word:fast", "punctuation:.", "word:The", "word:driver"])
        #expect(kinds("hurtigt.chaufføren") == ["word:hurtigt", "punctuation:.", "word:chaufføren"])
        #expect(kinds("f.eks bl.a e.g U.S.A") == ["word:f.eks", "word:bl.a", "word:e.g", "word:U.S.A"])
    }

    @Test func emptyAndWhitespaceGiveNoTokens() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize(" \n\t  \r\n").isEmpty)
        #expect(tokenizer.tokenize("\u{0}\u{0}").isEmpty)
    }

    /// Random strings from a mixed alphabet: offsets increase, stay inside the text and slice
    /// back to each token's text (the property Lucene checks of its filters).
    @Test func randomTextKeepsOffsetsConsistent() {
        let alphabet: [String] = ["a", "Æ", "ø", " ", ".", "!", ":", ")", "(", "<", "3", "👍", "🏽", "\u{200D}", "❤", "\u{FE0F}",
                                  "\n", "@", "w", "x.dk", "http://", "é", "\u{301}", "中", "ب", "-", "'", "’", "\u{0}"]
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<30, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for token in tokenizer.tokenize(text) {
                #expect(token.range.lowerBound >= previousEnd && token.range.upperBound <= scalars.count)
                #expect(!token.range.isEmpty)
                #expect(String(String.UnicodeScalarView(scalars[token.range])) == token.text, "in \(text.debugDescription)")
                previousEnd = token.range.upperBound
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
