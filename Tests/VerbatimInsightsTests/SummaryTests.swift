import Foundation
import Testing
import VerbatimAnalysis
import VerbatimInsights
import VerbatimIO
import VerbatimLexicon

@Suite struct SummaryTests {
    static let lexicons: CompiledLexicons = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        return try! CompiledLexicons(try! LexiconStack(layers: [folder]))
    }()

    /// The bundled sample export, classified once.
    static let results: [ResultRow] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/sample-export.csv")
        let rows = try! CommentReader(format: .csv, columns: .init(text: "Comment", id: "ResponseId", touchpoint: "Channel", score: "NPS"))
            .rows(try! Data(contentsOf: file), source: "sample-export.csv")
        let classifier = RowClassifier(try! Analyzer(lexicons), language: .auto)
        return rows.map(classifier.classify)
    }()

    func summary(_ rows: some Sequence<ResultRow>) -> Summary {
        var builder = SummaryBuilder(.init())
        for row in rows { builder.add(row) }
        return builder.summary
    }

    @Test func shardsMergeIntoExactlyTheSummaryOfTheWhole() throws {
        let whole = summary(Self.results)
        #expect(whole.rows == 921 && whole.classified == 921)
        // Several ways of cutting the input, merged in different orders.
        var generator = SystemRandomNumberGenerator()
        for shards in [2, 3, 7, 50] {
            var parts = Array(repeating: [ResultRow](), count: shards)
            for row in Self.results { parts[Int.random(in: 0..<shards, using: &generator)].append(row) }
            var merged = Summary()
            for part in parts.shuffled(using: &generator) { merged.merge(summary(part)) }
            #expect(merged == whole, "\(shards) shards")
            #expect(try merged.jsonData() == whole.jsonData())
        }
    }

    @Test func theEmptySummaryIsTheIdentityAndTheJSONRoundTrips() throws {
        let whole = summary(Self.results)
        var merged = Summary()
        merged.merge(whole)
        #expect(merged == whole)
        let decoded = try Summary(jsonData: whole.jsonData(), source: "summary.json")
        #expect(decoded == whole)
        #expect(throws: SummaryError.self) { try Summary(jsonData: Data("{\"rows\": 3}".utf8), source: "other.json") }
    }

    @Test func driversRankWhatMovesTheScore() {
        let insights = Insights(summary(Self.results))
        let drivers = insights.drivers
        #expect(insights.driversUseNPS)
        #expect(!drivers.isEmpty)
        // Impacts are sorted by size, and a theme that pulls NPS down has a lower NPS among its mentioners than overall.
        #expect(zip(drivers, drivers.dropFirst()).allSatisfy { abs($0.impact) >= abs($1.impact) })
        let overallNPS = insights.scoreFigure!
        for driver in drivers.prefix(10) where driver.impact < -1 {
            #expect(driver.scoreOfMentioners < overallNPS)
        }
        let actions = insights.actions()
        #expect(actions.count == 3)
        #expect(actions.first?.kind == .flag)
    }

    @Test func clustersAndEmergingTermsAreStable() {
        let first = Insights(summary(Self.results))
        let second = Insights(summary(Self.results.reversed()))
        #expect(first.clusters() == second.clusters())
        #expect(first.emergingTerms() == second.emergingTerms())
        #expect(!first.clusters().isEmpty)
        #expect(first.queue.map(\.id) == second.queue.map(\.id))
        #expect(first.queue.first?.severity == "critical")
    }

    @Test func personalDataIsMaskedInWhatTheSummaryKeeps() {
        let masker = PersonalDataMasker()
        #expect(masker.mask("Write to jens.hansen@example.dk or call +45 12 34 56 78") == "Write to [e-mail] or call [phone]")
        #expect(masker.mask("CPR 010190-1234 and card 4111 1111 1111 1111") == "CPR [CPR] and card [card]")
        // Long digit runs are masked on the safe side; amounts, dates and scores stay.
        #expect(masker.mask("Order 1234567890123 arrived, 2 weeks, 299 kr, 14.000 kr on 2026-10-01") == "Order [phone] arrived, 2 weeks, 299 kr, 14.000 kr on 2026-10-01")
        #expect(masker.mask("Kunde siden 2019, 4 ud af 5") == "Kunde siden 2019, 4 ud af 5")
        let whole = summary(Self.results)
        let kept = whole.flagged.items.map(\.text) + whole.touchpoints.values.flatMap { $0.themes.values.flatMap { $0.exemplars.items.map(\.text) } }
        #expect(!kept.contains { $0.contains("11 22 33 44") })
    }
}
