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

    @Test func wordListsDoNotOverlap() {
        #expect(LanguageEvidence.danishWords.isDisjoint(with: LanguageEvidence.englishWords))
        #expect(LanguageEvidence.danishWords.count > 500)
        #expect(LanguageEvidence.englishWords.count > 500)
    }
}
