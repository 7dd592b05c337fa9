import Foundation

extension Insights {
    public enum Period: String, Sendable, CaseIterable {
        case week, month, quarter
    }

    /// The order of ambiguous dates (a/b/yyyy with both ≤ 12), from the dates that prove one; nil
    /// when the export proves none (then those dates count as problems).
    public var dateOrder: SurveyDate.Order? {
        let (day, month) = (summary.dateOrders[SurveyDate.Order.dayFirst.rawValue] ?? 0, summary.dateOrders[SurveyDate.Order.monthFirst.rawValue] ?? 0)
        if day == 0 && month == 0 { return nil }
        return day >= month ? .dayFirst : .monthFirst
    }

    /// Rows whose date could not be placed: unreadable, or ambiguous with no order proven.
    public var undatedRows: Int {
        summary.unreadableDates + (dateOrder == nil ? summary.days.filter { $0.key.hasPrefix("?") }.values.reduce(0) { $0 + $1.comments } : 0)
    }

    /// Day cells merged into periods (`2026-10`, `2026-W41`, `2026-Q4`), oldest first.
    public func periods(_ period: Period) -> [(key: String, cell: DayCell)] {
        var merged: [String: DayCell] = [:]
        for (storage, cell) in summary.days {
            var day = storage
            if storage.hasPrefix("?") {
                let numbers = storage.dropFirst().split(separator: "/").compactMap { Int($0) }
                guard numbers.count == 3, let order = dateOrder else { continue }
                day = SurveyDate.resolve(numbers[0], numbers[1], numbers[2], order: order)
            }
            guard let key = Self.periodKey(day, period) else { continue }
            merged[key, default: DayCell()].merge(cell)
        }
        return merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func periodKey(_ day: String, _ period: Period) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        switch period {
        case .month: return String(day.prefix(7))
        case .quarter: return "\(parts[0])-Q\((parts[1] - 1) / 3 + 1)"
        case .week:
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return nil }
            let week = calendar.component(.weekOfYear, from: date), year = calendar.component(.yearForWeekOfYear, from: date)
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        }
    }

    /// A theme whose volume or negative share in the latest period moved beyond what the trailing
    /// periods predict.
    public struct Change: Sendable, Hashable {
        public enum Kind: String, Sendable { case rising, falling, moreNegative = "more negative" }
        public var kind: Kind
        public var theme: String
        /// "region=North", or nil for all comments.
        public var segment: String?
        public var period: String
        /// The share in the latest period and in the baseline (of comments; of mentions for sentiment).
        public var share: Double
        public var baselineShare: Double
        public var count: Int
        public var total: Int
        /// One-sided binomial p-value, and the same × the number of tests (Bonferroni), capped at 1.
        public var p: Double
        public var adjustedP: Double
        public var examples: [Exemplar]
    }

    /// What changed in the latest period. Method: for each top-level theme, over all comments and
    /// within each segment value, the theme's mentions in the latest period are tested against the
    /// rate of the trailing periods (up to `trailing`, at least two) with a one-sided exact binomial
    /// test, rising and falling; its negative mentions likewise against its trailing negative share.
    /// A change is reported when the Bonferroni-adjusted p-value is below `alpha` and the rate moved by
    /// at least half (× 1.5 or ÷ 1.5). Most significant first.
    public func changes(period: Period = .month, trailing: Int = 6, alpha: Double = 0.01) -> [Change] {
        let all = periods(period)
        guard all.count >= 3, let latest = all.last else { return [] }
        let baseline = all.dropLast().suffix(trailing)
        var baseCell = DayCell()
        for (_, cell) in baseline { baseCell.merge(cell) }
        var candidates: [(Change, Bool)] = []
        func test(theme: String, segment: String?, x: Int, n: Int, baseX: Int, baseN: Int, negative: (x: Int, n: Int, baseX: Int, baseN: Int)?) {
            guard n > 0, baseN > 0 else { return }
            let p0 = (Double(baseX) + 0.5) / (Double(baseN) + 1)
            let rate = Double(x) / Double(n)
            let examples = (latest.cell.exemplars[theme]?.items ?? [])
            if x >= 5, rate >= 1.5 * p0 {
                candidates.append((Change(kind: .rising, theme: theme, segment: segment, period: latest.key, share: rate, baselineShare: p0, count: x, total: n,
                                          p: Self.binomialUpperTail(x, n, p0), adjustedP: 0, examples: examples), true))
            } else if baseX >= 10, rate <= p0 / 1.5 {
                candidates.append((Change(kind: .falling, theme: theme, segment: segment, period: latest.key, share: rate, baselineShare: p0, count: x, total: n,
                                          p: Self.binomialLowerTail(x, n, p0), adjustedP: 0, examples: examples), true))
            }
            if let negative, negative.n >= 5, negative.baseN > 0 {
                let q0 = (Double(negative.baseX) + 0.5) / (Double(negative.baseN) + 1)
                let share = Double(negative.x) / Double(negative.n)
                if negative.x >= 5, share >= 1.5 * q0 {
                    candidates.append((Change(kind: .moreNegative, theme: theme, segment: segment, period: latest.key, share: share, baselineShare: q0, count: negative.x,
                                              total: negative.n, p: Self.binomialUpperTail(negative.x, negative.n, q0), adjustedP: 0, examples: examples), true))
                }
            }
        }
        var tests = 0
        let themes = Set(baseCell.themes.keys).union(latest.cell.themes.keys).sorted()
        for theme in themes {
            tests += 3
            test(theme: theme, segment: nil, x: latest.cell.themes[theme] ?? 0, n: latest.cell.comments, baseX: baseCell.themes[theme] ?? 0, baseN: baseCell.comments,
                 negative: (latest.cell.themesNegative[theme] ?? 0, latest.cell.themes[theme] ?? 0, baseCell.themesNegative[theme] ?? 0, baseCell.themes[theme] ?? 0))
            for segment in Set(baseCell.segmentComments.keys).union(latest.cell.segmentComments.keys).sorted() {
                tests += 2
                test(theme: theme, segment: segment, x: latest.cell.segmentThemes[segment + "|" + theme] ?? 0, n: latest.cell.segmentComments[segment] ?? 0,
                     baseX: baseCell.segmentThemes[segment + "|" + theme] ?? 0, baseN: baseCell.segmentComments[segment] ?? 0, negative: nil)
            }
        }
        return candidates.map { change, _ in
            var change = change
            change.adjustedP = min(1, change.p * Double(max(1, tests)))
            return change
        }
        .filter { $0.adjustedP < alpha }
        .sorted { $0.p != $1.p ? $0.p < $1.p : ($0.theme, $0.segment ?? "") < ($1.theme, $1.segment ?? "") }
    }

    /// P(X ≥ x) for X ~ Binomial(n, p), summed in log space.
    static func binomialUpperTail(_ x: Int, _ n: Int, _ p: Double) -> Double {
        guard x > 0 else { return 1 }
        return min(1, (x...n).reduce(0.0) { $0 + exp(logBinomial(n, $1) + Double($1) * log(p) + Double(n - $1) * log1p(-p)) })
    }

    /// P(X ≤ x).
    static func binomialLowerTail(_ x: Int, _ n: Int, _ p: Double) -> Double {
        min(1, (0...x).reduce(0.0) { $0 + exp(logBinomial(n, $1) + Double($1) * log(p) + Double(n - $1) * log1p(-p)) })
    }

    static func logBinomial(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// Per leading theme, its share of comments per period (for the small charts), oldest first.
    public func themeSeries(period: Period = .month, themes count: Int = 4) -> [(theme: String, points: [(period: String, share: Double, mentions: Int)])] {
        let all = periods(period)
        guard all.count >= 2 else { return [] }
        return topLevelThemes.prefix(count).map { theme in
            (theme, all.map { ($0.key, $0.cell.comments == 0 ? 0 : Double($0.cell.themes[theme] ?? 0) / Double($0.cell.comments), $0.cell.themes[theme] ?? 0) })
        }
    }
}
