import Testing
@testable import VerbatimText

@Suite struct SentenceSegmenterTests {
    let analyzer = try! TextAnalyzer()

    func sentences(_ text: String, _ language: Language = .english) -> [String] {
        let analyzed = analyzer.analyze(text, language: .given(language))
        let scalars = Array(text.unicodeScalars)
        return analyzed.sentences.map { String(String.UnicodeScalarView(scalars[$0.range])) }
    }

    func clauses(_ text: String, _ language: Language) -> [String] {
        let analyzed = analyzer.analyze(text, language: .given(language))
        let scalars = Array(text.unicodeScalars)
        return analyzed.sentences.flatMap(\.clauses).map { String(String.UnicodeScalarView(scalars[$0.range])) }
    }

    @Test func splitsWhereTheSpaceIsMissing() {
        #expect(sentences("Great service.Slow delivery though") == ["Great service.", "Slow delivery though"])
    }

    @Test func splitsBeforeALowerCaseSentence() {
        #expect(sentences("good service. slow delivery. ca. 3 days late") == ["good service.", "slow delivery.", "ca. 3 days late"])
    }

    @Test func lineBreaksAndListsAreBoundaries() {
        #expect(sentences("- slow app\n- rude staff") == ["slow app", "rude staff"])
        #expect(sentences("1. Slow app\n2) Rude staff\n* no refund") == ["Slow app", "Rude staff", "no refund"])
        #expect(sentences("Pros\nfast delivery\r\ncheap") == ["Pros", "fast delivery", "cheap"])
        #expect(sentences("• slow app • rude staff") == ["slow app", "rude staff"])
    }

    @Test func emojiCanEndASentence() {
        #expect(sentences("Love the app 😍 The driver was late") == ["Love the app 😍", "The driver was late"])
        #expect(sentences("I ❤️ this shop") == ["I ❤️ this shop"])
        #expect(sentences("Tak :) Kommer igen", .danish) == ["Tak :)", "Kommer igen"])
    }

    @Test func noPunctuationIsOneSentence() {
        #expect(sentences("fast delivery friendly driver would order again") == ["fast delivery friendly driver would order again"])
    }

    @Test func onlyEmojiOrNothing() {
        #expect(sentences("😡😡😡") == ["😡😡😡"])
        #expect(sentences("").isEmpty)
        #expect(sentences("   ").isEmpty)
    }

    @Test func clausesSplitAtContrast() {
        #expect(clauses("The delivery was fast but the driver was rude.", .english)
            == ["The delivery was fast", "but the driver was rude."])
        #expect(clauses("Leveringen var hurtig, men chaufføren var sur", .danish)
            == ["Leveringen var hurtig,", "men chaufføren var sur"])
        #expect(clauses("Varen var fin. Dog kom den for sent", .danish) == ["Varen var fin.", "Dog kom den for sent"])
    }

    @Test func clauseOpenersAreRecorded() {
        let analyzed = analyzer.analyze("However, the app crashed; support was great", language: .given(.english))
        let clauses = analyzed.sentences.flatMap(\.clauses)
        #expect(clauses.map(\.opener) == [.connective, .punctuation])
        #expect(clauses[0].openerToken.map { analyzed.tokens[$0].text } == "However")
        #expect(clauses[1].openerToken.map { analyzed.tokens[$0].text } == ";")
    }

    @Test func connectivesDependOnTheLanguage() {
        // "dog" is Danish "however" but an English noun; "though" at the end opens nothing.
        #expect(clauses("The dog was friendly", .english) == ["The dog was friendly"])
        #expect(clauses("It was slow though", .english) == ["It was slow though"])
        #expect(clauses("Pick-up at 10:30 - driver late", .english) == ["Pick-up at 10:30 -", "driver late"])
    }

    /// The quick length and byte test before each set's hash never turns a listed word away.
    @Test func everyConnectiveAndBulletIsRecognised() {
        for language in [Language.english, .danish, .undetermined] {
            let rules = ClauseRules.defaults(for: language)
            for word in rules.connectives { #expect(rules.isConnective(word), "\(word)") }
        }
        for bullet in ["•", "▪", "◦", "●", "■", "►", "‣", "⁃"] {
            #expect(sentences("Fast delivery \(bullet) friendly staff") == ["Fast delivery", "friendly staff"], "\(bullet)")
        }
    }

    /// A lexicon layer replaces the connectives: its words split clauses whatever their length or
    /// first letter (the quick length and first-byte test is rebuilt with the set).
    @Test func connectivesFromALexiconLayerSplitClauses() throws {
        var rules = ClauseRules.defaults(for: .danish)
        rules.connectives = ["ændringsvis", "omvendt"]
        let analyzer = try TextAnalyzer(clauseRules: [.danish: rules])
        let text = "Appen var fin ændringsvis var levering sen omvendt var prisen god"
        let analyzed = analyzer.analyze(text, language: .given(.danish))
        let scalars = Array(text.unicodeScalars)
        #expect(analyzed.sentences.flatMap(\.clauses).map { String(String.UnicodeScalarView(scalars[$0.range])) }
            == ["Appen var fin", "ændringsvis var levering sen", "omvendt var prisen god"])
    }
}
