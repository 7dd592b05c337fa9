import Foundation
import Testing
import VerbatimText
@testable import VerbatimLexicon

@Suite struct SentimentLexiconParserTests {
    @Test func parsesEntriesWithSpreadAndComments() {
        let (entries, diagnostics) = SentimentLexiconParser.entries("# header\ngood\t1.9\t0.9\nno hassle\t2 # idiom\n", file: "en/sentiment.tsv")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.term) == ["good", "no hassle"])
        #expect(entries[0].spread == 0.9)
        #expect(entries[1].origin == EntryOrigin(file: "en/sentiment.tsv", line: 3))
    }

    @Test(arguments: [
        ("good\tvery\n", "en/sentiment.tsv:1:6: error: valence 'very' is not a number [bad-number]"),
        ("good\t7\n", "en/sentiment.tsv:1:6: error: valence 7 is outside −4…+4 [valence-out-of-range]"),
        ("good\n", "en/sentiment.tsv:1:1: error: expected term<TAB>valence; found no valence [missing-field]"),
        ("dis*appoint\t-2\n", "en/sentiment.tsv:1:4: error: '*' may only end a term (a prefix such as 'disappoint*') [wildcard-position]"),
        ("no hass*\t-2\n", "en/sentiment.tsv:1:8: error: '*' may only end a one-word term, not a phrase [wildcard-position]"),
        ("ab*\t-2\n", "en/sentiment.tsv:1:3: error: a prefix before '*' needs at least three letters [wildcard-position]"),
        ("good\t2\ngood\t-1\n", "en/sentiment.tsv:2:1: error: 'good' is listed on line 1 with valence 2.0; this line says -1.0 [conflicting-duplicate]"),
        ("good\t2\ngood\t2\n", "en/sentiment.tsv:2:1: warning: 'good' is already listed on line 1 [duplicate-term]"),
    ])
    func reportsEachProblemWithFileLineAndColumn(text: String, message: String) {
        let (_, diagnostics) = SentimentLexiconParser.entries(text, file: "en/sentiment.tsv")
        #expect(diagnostics.map(\.description) == [message])
    }

    @Test func anEmoticonsStarIsLiteral() {
        let (entries, diagnostics) = SentimentLexiconParser.entries(":*\t2\ndisappoint*\t-2\n", file: "emoji.tsv")
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.isPrefix) == [false, true])
    }

    @Test func parsesModifiersAndReportsUnknownKinds() {
        let text = "not\tnegator\t-0.74\nno\tnegator\t-0.74\t1\nvery\tbooster\tlots\nmeh\tintensifier\t1\n"
        let (modifiers, diagnostics) = SentimentLexiconParser.modifiers(text, file: "en/modifiers.tsv")
        #expect(modifiers.map(\.term) == ["not", "no"])
        #expect(modifiers[1].window == 1)
        #expect(diagnostics.map(\.code) == ["bad-number", "unknown-kind"])
        #expect(diagnostics[1].description.hasPrefix("en/modifiers.tsv:4:5: error: unknown modifier kind 'intensifier'; kinds are negator, clause_negator"))
    }

    @Test func settingsOverrideDefaultsAndUnknownNamesAreErrors() {
        let (settings, diagnostics) = SentimentLexiconParser.settings("negation_window\t4\ncaps_bost\t1\n", file: "da/settings.tsv", over: SentimentSettings())
        #expect(settings.negationWindow == 4)
        #expect(diagnostics.map(\.code) == ["unknown-setting"])
        #expect(diagnostics[0].line == 2)
    }
}

@Suite struct CompiledSentimentLexiconTests {
    func compile(_ entries: [(String, Double)], stem: Bool = false, language: Language = .danish) throws -> CompiledSentimentLexicon {
        var lexicon = LanguageLexicon(language: language)
        lexicon.layer(entries: entries.enumerated().map { SentimentEntry(term: $1.0, valence: $1.1, origin: EntryOrigin(file: "t.tsv", line: $0 + 1)) })
        var vocabulary = InternTable()
        return CompiledSentimentLexicon(lexicon, tokenizer: try Tokenizer(), stemmer: try Stemmer(language: language), stemLookup: stem, vocabulary: &vocabulary)
    }

    @Test func findsWordsByFormStemPrefixAndCompoundPart() throws {
        let lexicon = try compile([("skuffet", -2), ("elendig", -3), ("fantasti*", 3), ("skod", -3)], stem: true)
        #expect(lexicon.entry(word: "elendig", stem: nil, compound: nil)?.match == .exact)
        #expect(lexicon.entry(word: "skuffende", stem: try Stemmer(language: .danish).stem("skuffende"), compound: nil)?.entry.term == "skuffet")
        #expect(lexicon.entry(word: "fantastiske", stem: nil, compound: nil)?.match == .prefix)
        let split = DanishCompoundSplitter(vocabulary: ["skod", "service"]).split("skodservice")
        #expect(lexicon.entry(word: "skodservice", stem: nil, compound: split)?.match == .compoundModifier)
    }

    @Test func laterLayersOverrideTermByTerm() {
        var lexicon = LanguageLexicon(language: .english)
        lexicon.layer(entries: [SentimentEntry(term: "please", valence: 1.3, origin: EntryOrigin(file: "a", line: 1))])
        lexicon.layer(entries: [SentimentEntry(term: "please", valence: 0.4, origin: EntryOrigin(file: "b", line: 9))])
        #expect(lexicon.entries.map(\.valence) == [0.4])
        #expect(lexicon.entries[0].origin.description == "b:9")
    }

    @Test func phrasesMatchLongestFirst() throws {
        let lexicon = try compile([("no hassle", 2), ("no hassle at all", 2.5)], language: .english)
        let match = lexicon.longestPhrase(in: ["no", "hassle", "at", "all", "!"], from: 0, end: 5)
        #expect(match?.length == 4)
    }

    @Test func theBundledLexiconsLoadWithoutErrorsAndAreLargeEnough() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        let stack = try LexiconStack(layers: [folder])
        #expect(stack.diagnostics.filter { $0.severity == .error }.isEmpty, "\(stack.diagnostics.filter { $0.severity == .error }.prefix(5))")
        #expect(stack.languages[.english]!.entries.count >= 7_000)
        #expect(stack.languages[.danish]!.entries.count >= 3_500)
        #expect(stack.languages[.english]!.modifiers.contains { $0.term == "but" && $0.kind == .contrast })
        #expect(stack.languages[.danish]!.modifiers.contains { $0.term == "hverken" && $0.kind == .clauseNegator })
    }
}
