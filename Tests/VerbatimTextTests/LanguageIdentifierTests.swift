import Testing
@testable import VerbatimText

@Suite struct LanguageIdentifierTests {
    let analyzer = try! TextAnalyzer()

    func language(_ text: String) -> LanguageGuess { analyzer.analyze(text).language }

    @Test(arguments: [
        ("Leveringen var super hurtig", Language.danish),  // CLD2 alone: Norwegian
        ("The app keeps crashing", .english),  // CLD2 alone: unreliable
        ("Fin pris", .danish),
        ("hurtig ekspedition og nem at bestille", .danish),  // CLD2 alone: English
        ("Jeg har ventet i tre uger på min pakke", .danish),
        ("I have been waiting three weeks for my parcel", .english),
        ("kundeservicen var elendig og ingen ringede tilbage", .danish),
        ("Nobody called back. Still waiting!!!", .english),
        ("Tak for hjælpen 😊", .danish),
        ("Thanks for the help 😊", .english),
    ])
    func identifiesSurveyComments(text: String, expected: Language) {
        let guess = language(text)
        #expect(guess.language == expected)
        #expect(guess.confidence > 0.5)
        #expect(guess.source == .detected)
    }

    @Test func noEvidenceIsUndetermined() {
        for text in ["Service", "OK", "👍", "10/10", "www.shop.dk"] {
            let guess = language(text)
            #expect(guess.language == .undetermined, "\(text)")
            #expect(guess.confidence == 0)
        }
    }

    /// Code-mixed comments: the language with more evidence wins, and the other is reported as
    /// `secondary` when it has real evidence of its own (≥ 2 points and ≥ 30% of all points).
    @Test func mixedCommentsNameBothLanguages() {
        let guess = language("Meget hurtig levering og super venlig chauffør, but the app was slow and the tracking never worked")
        #expect(guess.language == .english)
        #expect(guess.secondary == .danish)
        #expect(guess.isMixed)
        let onlyALoanword = language("Super god service, very fast delivery")
        #expect(onlyALoanword.language == .english)
        #expect(onlyALoanword.secondary == nil)
    }

    @Test func aGivenLanguageIsTakenAsIs() {
        let guess = analyzer.analyze("The app keeps crashing", language: .given(.danish)).language
        #expect(guess.language == .danish)
        #expect(guess.source == .given)
        #expect(guess.confidence == 1)
    }

    @Test func eachSignalCanBeMeasuredAlone() {
        let tokens = try! Tokenizer().tokenize("Leveringen var super hurtig")
        #expect(LanguageIdentifier(method: .cld2).identify("Leveringen var super hurtig", tokens: tokens).language == .danish)
        #expect(LanguageIdentifier(method: .evidence).identify("Leveringen var super hurtig", tokens: tokens).cld2 == nil)
    }

    /// CLD2 moves the score by at most 2 points, so a comment with more own evidence than that is
    /// not sent to it: the answer is the one CLD2 would have agreed to, and short or unclear
    /// comments still get CLD2's opinion.
    @Test func cld2IsAskedOnlyWhenTheWordsLeaveTheAnswerOpen() {
        let text = "Jeg har ventet i tre uger på min pakke og ingen har ringet tilbage"
        let tokens = try! Tokenizer().tokenize(text)
        let combined = LanguageIdentifier().identify(text, tokens: tokens)
        let withCLD2 = LanguageIdentifier(method: .cld2).identify(text, tokens: tokens)
        #expect(combined.language == .danish)
        #expect(withCLD2.language == .danish)
        #expect(combined.cld2 == nil)
        #expect(combined.confidence > 0.88)
        #expect(language("Fin pris").cld2 != nil)
        #expect(language("The app keeps crashing").cld2 != nil)
    }

    /// CLD2 reads nothing from text with a control character in it; its answer is then "unknown"
    /// rather than whatever its unwritten results held (it once named English at 32,556%).
    @Test func cld2SaysUnknownForTextWithAControlCharacter() {
        for _ in 0..<20 {
            let verdict = CLD2Detector().detect("Great app!!! But login fails\nbad\u{0}")
            #expect(verdict.codes == ["un", "un", "un"])
            #expect(verdict.percents == [0, 0, 0])
            #expect(!verdict.isReliable)
        }
    }

    @Test func wordListsDoNotOverlap() {
        #expect(LanguageEvidence.danishWords.isDisjoint(with: LanguageEvidence.englishWords))
        #expect(LanguageEvidence.danishWords.count > 500)
        #expect(LanguageEvidence.englishWords.count > 500)
    }
}
