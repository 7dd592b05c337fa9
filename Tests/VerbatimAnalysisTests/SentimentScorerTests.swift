import Foundation
import Testing
import VerbatimLexicon
import VerbatimText
@testable import VerbatimAnalysis

/// Each scoring rule on its own, in both languages, with the bundled lexicons.
@Suite struct SentimentScorerTests {
    /// Compiled once and shared; each test gets its own analyser (they hold per-thread handles).
    static let lexicons: CompiledLexicons = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        return try! CompiledLexicons(try! LexiconStack(layers: [folder]))
    }()

    let analyzer = try! Analyzer(SentimentScorerTests.lexicons)

    func score(_ text: String, _ language: Language) -> Double {
        analyzer.analyze(text, language: .given(language)).sentiment.score
    }

    func label(_ text: String, _ language: Language) -> SentimentLabel {
        analyzer.analyze(text, language: .given(language)).sentiment.label
    }

    @Test(arguments: [
        ("en-plain", "The delivery was good", Language.english, SentimentLabel.positive),
        ("en-negated", "The delivery was not good", .english, .negative),
        ("en-no-problems", "No problems at all", .english, .positive),
        ("en-nothing-to-complain", "Nothing to complain about", .english, .positive),
        ("en-couldnt-fault", "Couldn't fault them", .english, .positive),
        ("en-not-bad", "Not bad", .english, .positive),
        ("en-idiom", "The driver went above and beyond", .english, .positive),
        ("en-still-waiting", "Still waiting for my refund", .english, .negative),
        ("en-emoji", "😡", .english, .negative),
        ("en-emoticon", "Thanks :)", .english, .positive),
        ("en-sarcasm", "Oh great, another 45 minutes on hold", .english, .negative),
        ("da-plain", "Leveringen var god", .danish, .positive),
        ("da-negated", "Leveringen var ikke god", .danish, .negative),
        ("da-ingen-problemer", "Ingen problemer", .danish, .positive),
        ("da-ikke-daarligt", "Ikke dårligt", .danish, .positive),
        ("da-negation-after", "Kan anbefales ikke", .danish, .negative),
        ("da-hverken", "Hverken hurtig eller billig", .danish, .negative),
        ("da-emoji", "Tak 😍", .danish, .positive),
    ])
    func labels(id: String, text: String, language: Language, expected: SentimentLabel) {
        #expect(label(text, language) == expected, "\(id)")
    }

    @Test func negationNeverMakesNoProblemsNegative() {
        for (text, language) in [("no problems", Language.english), ("no issues whatsoever", .english), ("ingen problemer", .danish), ("intet problem", .danish), ("ikke dårligt", .danish)] {
            #expect(score(text, language) >= 0, "\(text)")
        }
    }

    @Test func theClauseAfterAContrastOutweighsTheOneBefore() {
        let english = analyzer.analyze("The food was great but the service was terrible", language: .given(.english)).sentiment
        #expect(english.score < 0)
        #expect(english.label == .mixed)
        #expect(english.clauses.map(\.weight) == [0.5, 1.5])
        let danish = analyzer.analyze("Maden var god, men betjeningen var elendig", language: .given(.danish)).sentiment
        #expect(danish.score < 0)
        #expect(danish.clauses.last?.weight == 1.5)
    }

    @Test func aConcessionClauseCountsLess() {
        #expect(score("Although the driver was rude, the delivery was fast and excellent", .english) > 0)
        #expect(score("Selvom chaufføren var sur, var leveringen hurtig og fremragende", .danish) > 0)
    }

    @Test func boostersStrengthenAndDampenersWeaken() {
        #expect(score("very good", .english) > score("good", .english))
        #expect(score("a bit slow", .english) > score("slow", .english))
        #expect(score("meget god", .danish) > score("god", .danish))
        #expect(score("lidt dårlig", .danish) > score("dårlig", .danish))
    }

    @Test func emphasisRaisesIntensity() {
        #expect(score("The service was GOOD", .english) > score("The service was good", .english))
        #expect(score("good!!!", .english) > score("good", .english))
        #expect(score("bad??", .english) < score("bad", .english))
        #expect(score("Servicen var ELENDIG", .danish) < score("Servicen var elendig", .danish))
        #expect(score("Tak for hjælpen!!!", .danish) > score("Tak for hjælpen", .danish))
        #expect(score("Hvorfor så dyrt??", .danish) < score("Hvorfor så dyrt", .danish))
    }

    @Test func elongatedWordsAreFoundAndCountMore() {
        #expect(score("The app is slowww", .english) < score("The app is slow", .english))
        #expect(score("Sooo gooood", .english) > score("So good", .english))
        #expect(score("Det var godttt", .danish) > score("Det var godt", .danish))
    }

    @Test func anAllCapsCommentIsNotBoostedWordByWord() {
        let shouted = analyzer.analyze("THE APP IS GOOD", language: .given(.english)).sentiment
        #expect(!shouted.contributions.flatMap(\.rules).contains { $0.kind == .caps })
    }

    @Test func emojiAreNotNegated() {
        #expect(score("Still no refund :(", .english) < 0)
    }

    @Test func everyContributionPointsToItsLexiconLine() {
        let sentiment = analyzer.analyze("Not very helpful", language: .given(.english)).sentiment
        let contribution = sentiment.contributions.first { $0.entry.term == "helpful" }
        #expect(contribution?.entry.origin.file.hasSuffix("sentiment-vader.tsv") == true)
        #expect(contribution?.rules.map(\.kind) == [.booster, .negation])
        #expect(contribution.map { $0.valence < 0 } == true)
    }
}

@Suite struct SentimentRuleEdgeTests {
    let analyzer = try! Analyzer(SentimentScorerTests.lexicons)

    func sentiment(_ text: String, _ language: Language) -> SentimentAnalysis {
        analyzer.analyze(text, language: .given(language)).sentiment
    }

    @Test func aBareNegationIsAMildComplaint() {
        #expect(sentiment("Pakken er ikke kommet", .danish).score < 0)
        #expect(sentiment("I haven't received my parcel", .english).score < 0)
        #expect(sentiment("Jeg har ikke set regningen endnu", .danish).contributions.first?.match == .bareNegation)
    }

    @Test func negationReachesAcrossACommaButNotPastAContrast() {
        #expect(sentiment("Jeg synes ikke, det er godt", .danish).score < 0)
        #expect(sentiment("Det var ikke billigt, men det var godt", .danish).score > 0)
    }

    @Test func aModifierThatModifiesNothingKeepsItsOwnValence() {
        #expect(sentiment("Maden var super", .danish).score > 0)
        #expect(sentiment("No.", .english).score < 0)
    }

    @Test func aConnectiveInsideAClauseIsAnOrdinaryWord() {
        // "skønt" opens a concession only at a clause start; at the end it is "lovely".
        #expect(sentiment("Det er skønt", .danish).score > 0)
    }

    @Test func stemsOfShortFunctionWordsDoNotMatch() {
        let result = sentiment("tak for det", .danish)
        #expect(!result.contributions.contains { $0.match == .stem })
    }
}
