import VerbatimAnalysis
import Foundation

/// What the report shows, derived from a `Summary`: the overview, the touch point × theme heat
/// map, what drives the score, clusters of themes raised together, emerging terms, the flagged
/// queue, and the few things to act on first. Pure functions of the summary: the same summary
/// always gives the same insights.
public struct Insights: Sendable {
    public let summary: Summary
    /// Theme cells with fewer mentions are not ranked as drivers or clustered (too small to read).
    public let minimumMentions: Int

    public init(_ summary: Summary) {
        self.summary = summary
        minimumMentions = max(3, summary.classified / 200)
    }

    // MARK: Overview

    public var meanSentiment: Double {
        summary.classified == 0 ? 0 : Double(summary.sentimentSum) / 10_000 / Double(summary.classified)
    }

    /// The score question's type: as configured, else told from the scores (nil without scores).
    public var scoreType: ScoreType? { summary.scoreType ?? ScoreType.detect(summary.scores) }

    /// Whether the type was told from the scores rather than configured.
    public var scoreTypeDetected: Bool { summary.scoreType == nil && scoreType != nil }

    /// NPS, CSAT (% satisfied) or CES (mean effort), by the score type.
    public var scoreFigure: Double? { scoreType?.figure(summary.scores) }

    public func share(_ label: String) -> Double {
        summary.classified == 0 ? 0 : Double(summary.labels[label] ?? 0) / Double(summary.classified)
    }

    /// Touch points by volume (the no-touch-point group last).
    public var touchpoints: [String] {
        summary.touchpoints.keys.sorted { a, b in
            if (a == Summary.noTouchpoint) != (b == Summary.noTouchpoint) { return b == Summary.noTouchpoint }
            let (ca, cb) = (summary.touchpoints[a]!.comments, summary.touchpoints[b]!.comments)
            return ca != cb ? ca > cb : a < b
        }
    }

    /// Top-level themes by volume over all touch points.
    public var topLevelThemes: [String] {
        var totals: [String: Int] = [:]
        for touchpoint in summary.touchpoints.values {
            for (id, cell) in touchpoint.themes where !id.contains(".") { totals[id, default: 0] += cell.mentions }
        }
        return totals.keys.sorted { totals[$0]! != totals[$1]! ? totals[$0]! > totals[$1]! : $0 < $1 }
    }

    /// A theme's cells summed over every touch point.
    public func overall(_ theme: String) -> ThemeCell {
        var total = ThemeCell()
        for touchpoint in summary.touchpoints.values { if let cell = touchpoint.themes[theme] { total.merge(cell) } }
        return total
    }

    // MARK: Drivers

    /// How much a theme moves the score: the score figure (NPS, CSAT or CES) of all comments minus
    /// the figure without the comments that mention the theme. Negative: the theme pulls it down.
    public struct Driver: Sendable, Hashable {
        public var theme: String
        /// nil: over all touch points.
        public var touchpoint: String?
        public var mentions: Int
        public var negativeShare: Double
        public var impact: Double
        public var scoreOfMentioners: Double
    }

    /// Whether impacts are in NPS points (else in points of CSAT or CES).
    public var driversUseNPS: Bool { scoreType == .nps }

    func impact(of cell: ThemeCell) -> (impact: Double, scoreOfMentioners: Double)? {
        guard let type = scoreType, cell.scores.total > 0, summary.scores.total - cell.scores.total > 0,
            let total = type.figure(summary.scores), let without = type.figure(summary.scores, without: cell.scores), let mentioners = type.figure(cell.scores)
        else { return nil }
        return (total - without, mentioners)
    }

    /// Drivers over all touch points and per touch point, strongest first (by |impact|); top-level
    /// themes and leaves both. Empty when the export has no score column.
    public var drivers: [Driver] {
        guard summary.scores.total > 0 else { return [] }
        var found: [Driver] = []
        var themeIDs = Set<String>()
        for touchpoint in summary.touchpoints.values { themeIDs.formUnion(touchpoint.themes.keys) }
        for theme in themeIDs.sorted() {
            let cell = overall(theme)
            if cell.mentions >= minimumMentions, let (impact, score) = impact(of: cell) {
                found.append(Driver(theme: theme, touchpoint: nil, mentions: cell.mentions, negativeShare: Double(cell.negative) / Double(cell.mentions), impact: impact, scoreOfMentioners: score))
            }
            for touchpoint in touchpoints where touchpoint != Summary.noTouchpoint {
                guard let cell = summary.touchpoints[touchpoint]?.themes[theme], cell.mentions >= minimumMentions, let (impact, score) = impact(of: cell) else { continue }
                found.append(Driver(theme: theme, touchpoint: touchpoint, mentions: cell.mentions, negativeShare: Double(cell.negative) / Double(cell.mentions), impact: impact, scoreOfMentioners: score))
            }
        }
        return found.sorted { abs($0.impact) != abs($1.impact) ? abs($0.impact) > abs($1.impact) : ($0.theme, $0.touchpoint ?? "") < ($1.theme, $1.touchpoint ?? "") }
    }

    // MARK: Clusters

    /// Top-level themes raised together at a touch point.
    public struct Cluster: Sendable, Hashable {
        public var touchpoint: String
        public var themes: [String]
        public var mentions: Int
        /// The most frequent evidence words of the cluster's themes.
        public var terms: [String]
    }

    /// Per touch point, agglomerative clustering (average linkage) of its top-level themes on the
    /// Jaccard similarity of the comments that mention them (co-mentions ÷ comments mentioning
    /// either), merging while the closest pair is at least `threshold` similar. Themes below the
    /// minimum volume are left out; ties are broken by theme id, so the output is stable.
    public func clusters(threshold: Double = 0.15) -> [Cluster] {
        var result: [Cluster] = []
        for touchpoint in touchpoints {
            guard let data = summary.touchpoints[touchpoint] else { continue }
            let themes = data.themes.filter { !$0.key.contains(".") && $0.value.mentions >= minimumMentions }.keys.sorted()
            guard !themes.isEmpty else { continue }
            func similarity(_ a: String, _ b: String) -> Double {
                let (x, y) = a < b ? (a, b) : (b, a)
                let both = Double(data.pairs[x + "|" + y] ?? 0)
                let either = Double(data.themes[a]!.mentions + data.themes[b]!.mentions) - both
                return either > 0 ? both / either : 0
            }
            var groups = themes.map { [$0] }
            while groups.count > 1 {
                var best: (Int, Int, Double)?
                for i in groups.indices {
                    for j in groups.indices where j > i {
                        var total = 0.0
                        for a in groups[i] { for b in groups[j] { total += similarity(a, b) } }
                        let average = total / Double(groups[i].count * groups[j].count)
                        if best == nil || average > best!.2 { best = (i, j, average) }
                    }
                }
                guard let (i, j, value) = best, value >= threshold else { break }
                groups[i] = (groups[i] + groups[j]).sorted()
                groups.remove(at: j)
            }
            for group in groups {
                var terms: [String: Int] = [:]
                for theme in group { terms.merge(data.themes[theme]!.terms, uniquingKeysWith: +) }
                let mentions = group.map { data.themes[$0]!.mentions }.max() ?? 0
                let ordered = group.sorted { data.themes[$0]!.mentions != data.themes[$1]!.mentions ? data.themes[$0]!.mentions > data.themes[$1]!.mentions : $0 < $1 }
                let topTerms = terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(4).map(\.key)
                result.append(Cluster(touchpoint: touchpoint, themes: ordered, mentions: mentions, terms: Array(topTerms)))
            }
        }
        return result.sorted { ($0.touchpoint == $1.touchpoint) ? $0.mentions > $1.mentions : touchpoints.firstIndex(of: $0.touchpoint)! < touchpoints.firstIndex(of: $1.touchpoint)! }
    }

    // MARK: Emerging terms

    public struct EmergingTerm: Sendable, Hashable {
        public var touchpoint: String
        public var term: String
        /// Comments no theme matched that contain it, at this touch point.
        public var count: Int
        public var weight: Double
        public var example: Exemplar?
    }

    /// In comments that no theme matched, the most distinctive terms per touch point, weighed
    /// class-based TF-IDF style (as in BERTopic's c-TF-IDF): the term's share of the touch
    /// point's unmatched comments × log(1 + A ÷ the term's frequency in the whole corpus), A the
    /// average number of terms per touch point. Terms in fewer than `minimumCount` comments (by default 2, or one in 2,000 comments) are left out.
    public func emergingTerms(perTouchpoint: Int = 8, minimumCount: Int? = nil) -> [EmergingTerm] {
        let minimumCount = minimumCount ?? max(2, summary.classified / 2_000)
        let classes = max(1, summary.touchpoints.count)
        let average = Double(summary.corpusTermCount) / Double(classes)
        var result: [EmergingTerm] = []
        for touchpoint in touchpoints {
            guard let data = summary.touchpoints[touchpoint], data.unmatched > 0 else { continue }
            let weighed = data.unmatchedTerms.filter { $0.value >= minimumCount }.map { term, count -> EmergingTerm in
                let frequency = Double(max(summary.corpusTerms.estimate(term), count))
                let weight = Double(count) / Double(data.unmatched) * log(1 + average / frequency)
                let example = data.unmatchedExemplars.items.first { $0.text.lowercased().contains(term) }
                return EmergingTerm(touchpoint: touchpoint, term: term, count: count, weight: weight, example: example)
            }
            let top = weighed.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            // A word and a phrase containing it say the same: keep the first of the two.
            var kept: [EmergingTerm] = []
            for candidate in top where !kept.contains(where: { $0.term.split(separator: " ").contains(Substring(candidate.term)) || candidate.term.split(separator: " ").contains(Substring($0.term)) }) {
                kept.append(candidate)
                if kept.count == perTouchpoint { break }
            }
            result += kept
        }
        return result
    }

    // MARK: Flags and actions

    /// The flagged queue, most severe first, then by flag, touch point and id.
    public var queue: [FlaggedComment] {
        summary.flagged.items.sorted {
            let (a, b) = (FlagSeverityOrder.rank($0.severity), FlagSeverityOrder.rank($1.severity))
            return a != b ? a < b : ($0.flag, $0.touchpoint, $0.id) < ($1.flag, $1.touchpoint, $1.id)
        }
    }

    /// One thing to act on, in plain words with its numbers.
    public struct Action: Sendable, Hashable {
        public enum Kind: String, Sendable { case flag, change, driver, hotspot }
        public var kind: Kind
        /// The flag or theme id.
        public var subject: String
        public var touchpoint: String?
        public var count: Int
        /// Negative share of the mentions (0 for flags).
        public var negativeShare: Double
        /// Score impact (drivers), nil otherwise.
        public var impact: Double?
        public var route: String?
        /// For a change: what moved, where and when.
        public var change: Change?
    }

    /// The three things to act on first: the flag of the most urgent severity present (critical,
    /// else high) with the most comments, the strongest change of the latest period (with dates),
    /// then the themes that cost the most score (or, without scores, the most negative large
    /// themes), each theme named once.
    public func actions(limit: Int = 3, period: Period = .month) -> [Action] {
        var actions: [Action] = []
        let mostUrgent = summary.flags.values.map { FlagSeverityOrder.rank($0.severity) }.min() ?? Int.max
        let urgent = summary.flags.filter { FlagSeverityOrder.rank($0.value.severity) == mostUrgent && mostUrgent <= 1 }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        if let (id, flag) = urgent.first {
            actions.append(Action(kind: .flag, subject: id, touchpoint: nil, count: flag.count, negativeShare: 0, impact: nil, route: flag.route, change: nil))
        }
        var named = Set<String>()
        if let change = changes(period: period).first(where: { $0.kind != .falling }), actions.count < limit {
            named.insert(change.theme)
            actions.append(Action(kind: .change, subject: change.theme, touchpoint: nil, count: change.count, negativeShare: 0, impact: nil, route: nil, change: change))
        }
        let negativeDrivers = drivers.filter { $0.impact < 0 }
        for driver in negativeDrivers where actions.count < limit {
            let top = String(driver.theme.split(separator: ".").first!)
            guard !named.contains(top) else { continue }
            named.insert(top)
            actions.append(Action(kind: .driver, subject: driver.theme, touchpoint: driver.touchpoint, count: driver.mentions, negativeShare: driver.negativeShare, impact: driver.impact, route: nil, change: nil))
        }
        if actions.count < limit {
            // Without scores: the largest negative theme × touch point cells.
            var cells: [(String, String, ThemeCell)] = []
            for (touchpoint, data) in summary.touchpoints {
                for (theme, cell) in data.themes where !theme.contains(".") && cell.mentions >= minimumMentions { cells.append((touchpoint, theme, cell)) }
            }
            for (touchpoint, theme, cell) in cells.sorted(by: { ($0.2.negative, $1.0, $1.1) > ($1.2.negative, $0.0, $0.1) }) where actions.count < limit {
                guard cell.negative > 0, !named.contains(theme) else { continue }
                named.insert(theme)
                actions.append(Action(kind: .hotspot, subject: theme, touchpoint: touchpoint, count: cell.negative, negativeShare: Double(cell.negative) / Double(cell.mentions), impact: nil, route: nil, change: nil))
            }
        }
        return actions
    }
}
