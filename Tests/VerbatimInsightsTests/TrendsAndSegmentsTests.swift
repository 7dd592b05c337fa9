import Foundation
import Testing
import VerbatimAnalysis
import VerbatimInsights
import VerbatimIO
import VerbatimLexicon

@Suite struct TrendsAndSegmentsTests {
    /// Comments per theme, written for these tests; each is classified once and reused.
    static let templates: [(theme: String?, texts: [String])] = [
        ("delivery", ["The parcel arrived two days late", "Delivery was quick and the driver was polite", "My package never showed up"]),
        ("price", ["Far too expensive for what you get", "Good value for money", "The price went up again"]),
        ("service", ["The staff were friendly and helpful", "Customer service was rude to me", "Support solved my problem"]),
        ("digital", ["The app keeps crashing", "Could not log in to the website", "The app is easy to use"]),
        ("billing", ["I was charged twice on my invoice", "The bill was wrong", "Still waiting for my refund"]),
        (nil, ["All fine", "Thanks", "Nothing to add"]),
    ]
    static let rates = [0.10, 0.15, 0.20, 0.15, 0.10, 0.30]
    static let regions = ["North", "South", "East", "West", "Central"]

    static let analyses: [String: CommentAnalysis] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        let analyzer = try! Analyzer(try! CompiledLexicons(try! LexiconStack(layers: [folder])))
        var analyses: [String: CommentAnalysis] = [:]
        for (_, texts) in templates { for text in texts { analyses[text] = analyzer.analyze(text, language: .given(.english)) } }
        return analyses
    }()

    /// Six months × five regions × `perCell` comments; with `plant`, delivery's rate triples in the last month in North.
    static func summary(seed: UInt64, plant: Bool, perCell: Int = 150) -> Summary {
        var random = Generator(state: seed)
        var builder = SummaryBuilder(.init(segmentColumns: [("region", 0)], dateColumn: 1))
        var number = 0
        for month in 1...6 {
            for region in regions {
                var rates = Self.rates
                if plant && month == 6 && region == "North" {
                    rates[0] *= 3
                    let total = rates.reduce(0, +)
                    rates = rates.map { $0 / total }
                }
                for _ in 0..<perCell {
                    number += 1
                    var pick = random.unit(), index = 0
                    while index < rates.count - 1 && pick >= rates[index] { pick -= rates[index]; index += 1 }
                    let texts = templates[index].texts
                    let text = texts[Int(random.next() % UInt64(texts.count))]
                    var row = ResultRow(id: "r\(number)", line: number + 1, analysis: analyses[text]!, problems: [], kept: [region, "2026-0\(month)-\(10 + Int(random.next() % 15))"])
                    row.score = Double(random.next() % 11)
                    builder.add(row)
                }
            }
        }
        return builder.summary
    }

    @Test func aPlantedChangeIsNamedFirstWithItsThemeMonthAndRegion() {
        let insights = Insights(Self.summary(seed: 7, plant: true))
        let changes = insights.changes(period: .month)
        #expect(changes.first?.theme == "delivery")
        #expect(changes.first?.segment == "region=North")
        #expect(changes.first?.period == "2026-06")
        #expect(changes.first?.kind == .rising)
        // Nothing unplanted is named: only delivery, in North or over all comments.
        let others = changes.filter { $0.theme != "delivery" || ($0.segment != nil && $0.segment != "region=North") }
        #expect(others.isEmpty, "\(others.map { "\($0.theme) \($0.segment ?? "all") \($0.kind)" })")
        // And it is among the things to act on.
        #expect(insights.actions().contains { $0.kind == .change && $0.subject == "delivery" })
    }

    @Test func withNothingPlantedFiveSeedsRaiseNoFalseAlarm() {
        var alarms: [String] = []
        for seed in [11, 22, 33, 44, 55] as [UInt64] {
            alarms += Insights(Self.summary(seed: seed, plant: false)).changes(period: .month).map { "seed \(seed): \($0.theme) \($0.segment ?? "all")" }
        }
        print("false alarms over five unplanted seeds: \(alarms.count) \(alarms)")
        #expect(alarms.isEmpty)
    }

    @Test func summariesWithSegmentsAndDatesStillMergeExactly() throws {
        let whole = Self.summary(seed: 3, plant: true, perCell: 40)
        // The same rows (same seed), dealt into three interleaved shards, merged in another order.
        var builders = (0..<3).map { _ in SummaryBuilder(.init(segmentColumns: [("region", 0)], dateColumn: 1)) }
        var random = Generator(state: 3)
        var number = 0
        for month in 1...6 {
            for region in Self.regions {
                var rates = Self.rates
                if month == 6 && region == "North" {
                    rates[0] *= 3
                    let total = rates.reduce(0, +)
                    rates = rates.map { $0 / total }
                }
                for _ in 0..<40 {
                    number += 1
                    var pick = random.unit(), index = 0
                    while index < rates.count - 1 && pick >= rates[index] { pick -= rates[index]; index += 1 }
                    let texts = Self.templates[index].texts
                    let text = texts[Int(random.next() % UInt64(texts.count))]
                    var row = ResultRow(id: "r\(number)", line: number + 1, analysis: Self.analyses[text]!, problems: [], kept: [region, "2026-0\(month)-\(10 + Int(random.next() % 15))"])
                    row.score = Double(random.next() % 11)
                    builders[number % 3].add(row)
                }
            }
        }
        let shards = builders.map(\.summary)
        var merged = Summary()
        for shard in shards.reversed() { merged.merge(shard) }
        #expect(merged == whole)
        #expect(try merged.jsonData() == whole.jsonData())
        #expect(!whole.segments.isEmpty && !whole.days.isEmpty)
    }

    @Test func segmentsOverRepresentingAThemeAreFoundAndSmallGroupsAreNotOverRead() {
        // "premium" customers write about price three times as often as the others.
        var builder = SummaryBuilder(.init(segmentColumns: [("plan", 0)]))
        var random = Generator(state: 5)
        for index in 0..<900 {
            let premium = index % 3 == 0
            var rates = Self.rates
            if premium { rates[1] *= 3; let total = rates.reduce(0, +); rates = rates.map { $0 / total } }
            var pick = random.unit(), choice = 0
            while choice < rates.count - 1 && pick >= rates[choice] { pick -= rates[choice]; choice += 1 }
            let text = Self.templates[choice].texts[index % 3]
            builder.add(ResultRow(id: "s\(index)", line: index + 2, analysis: Self.analyses[text]!, problems: [], kept: [premium ? "premium" : "basic"]))
        }
        let findings = Insights(builder.summary).segmentFindings()
        // With two plans the finding shows from both sides: premium over, basic under.
        let premium = findings.first { $0.value == "premium" }
        #expect(premium?.theme == "price")
        #expect(premium.map { $0.share > 2 * $0.restShare } == true)
        #expect(Set(findings.prefix(2).map(\.theme)) == ["price"])
        // A small group is never reported, however skewed (below 30 comments).
        var small = SummaryBuilder(.init(segmentColumns: [("plan", 0)]))
        for index in 0..<400 {
            let text = index < 10 ? "The parcel arrived two days late" : ["All fine", "The staff were friendly and helpful"][index % 2]
            small.add(ResultRow(id: "p\(index)", line: index + 2, analysis: Self.analyses[text]!, problems: [], kept: [index < 10 ? "tiny" : "big"]))
        }
        #expect(Insights(small.summary).segmentFindings().isEmpty)
    }

    @Test func eachScoreTypeGivesItsTextbookFigure() {
        func histogram(_ scores: [Double]) -> ScoreHistogram {
            var histogram = ScoreHistogram()
            for score in scores { histogram.add(score) }
            return histogram
        }
        // NPS: 4 promoters (9, 10, 10, 9), 3 detractors (0, 5, 6), 3 passives (7, 8, 8) of 10 → 40% − 30% = +10.
        let nps = histogram([9, 10, 10, 9, 0, 5, 6, 7, 8, 8])
        #expect(ScoreType.nps.figure(nps) == 10)
        #expect(ScoreType.detect(nps) == .nps)
        // CSAT: 3 of 5 answers are 4 or 5 → 60%.
        let csat = histogram([5, 4, 4, 2, 3])
        #expect(ScoreType.csat.figure(csat) == 60)
        #expect(ScoreType.detect(csat) == .csat)
        // CES (1-7): mean (7 + 6 + 5 + 2 + 5) / 5 = 5.0; easy (5-7) 4 of 5 = 80%.
        let ces = histogram([7, 6, 5, 2, 5])
        #expect(ScoreType.ces.figure(ces) == 5)
        #expect(ScoreType.ces.easyShare(ces) == 80)
        #expect(ScoreType.detect(ces) == .ces)
        #expect(ScoreType.nps.isUnhappy(6) && ScoreType.csat.isUnhappy(2) && ScoreType.ces.isUnhappy(3))
        #expect(!ScoreType.csat.isUnhappy(3) && !ScoreType.ces.isUnhappy(4))
    }

    @Test func datesAreReadInTheExportsDayMonthOrder() {
        #expect(SurveyDate.parse("2026-10-03 14:22")?.date == .day("2026-10-03"))
        #expect(SurveyDate.parse("25/10/2026")?.proves == .dayFirst)
        #expect(SurveyDate.parse("10/25/2026")?.proves == .monthFirst)
        #expect(SurveyDate.parse("03.10.2026")?.date == .ambiguous(3, 10, 2026))
        #expect(SurveyDate.parse("31/02/2026") == nil)
        #expect(SurveyDate.parse("soon") == nil)
        // An export with one day-first date resolves its ambiguous ones day-first.
        var builder = SummaryBuilder(.init(dateColumn: 0))
        for (index, date) in ["25/10/2026", "03/10/2026", "04/10/2026", "not a date"].enumerated() {
            builder.add(ResultRow(id: "d\(index)", line: index + 2, analysis: Self.analyses["All fine"]!, problems: [], kept: [date]))
        }
        let insights = Insights(builder.summary)
        #expect(insights.dateOrder == .dayFirst)
        #expect(insights.periods(.month).map(\.key) == ["2026-10"])
        #expect(insights.undatedRows == 1)
    }
}

/// SplitMix64, for reproducible generated exports.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
