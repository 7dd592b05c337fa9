import Foundation

extension Insights {
    /// How this summary differs from an earlier one (`verbatim report current.json --baseline previous.json`).
    public struct BaselineComparison: Sendable {
        public var scoreBefore: Double?
        public var scoreNow: Double?
        /// Top-level themes by the change of their share of comments, with a two-proportion test.
        public var themes: [(theme: String, before: Double, now: Double, p: Double, isNew: Bool)]
    }

    /// Compares theme shares now and in `baseline` (two-sided two-proportion z-test, Holm–Bonferroni,
    /// kept below `alpha`; a theme absent before and present now is new) and the score figure.
    public func compare(to baseline: Summary, alpha: Double = 0.05) -> BaselineComparison {
        let before = Insights(baseline)
        func totals(_ summary: Summary) -> [String: Int] {
            var totals: [String: Int] = [:]
            for touchpoint in summary.touchpoints.values {
                for (id, cell) in touchpoint.themes where !id.contains(".") { totals[id, default: 0] += cell.mentions }
            }
            return totals
        }
        let (now, then) = (totals(summary), totals(baseline))
        let (n1, n2) = (max(1, summary.classified), max(1, baseline.classified))
        var rows: [(theme: String, before: Double, now: Double, p: Double, isNew: Bool)] = []
        for theme in Set(now.keys).union(then.keys).sorted() {
            let (x1, x2) = (now[theme] ?? 0, then[theme] ?? 0)
            let pooled = Double(x1 + x2) / Double(n1 + n2)
            let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
            let p = se > 0 ? erfc(abs(Double(x1) / Double(n1) - Double(x2) / Double(n2)) / se / 2.0.squareRoot()) : 1
            rows.append((theme, Double(x2) / Double(n2), Double(x1) / Double(n1), p, x2 == 0 && x1 > 0))
        }
        let ordered = rows.indices.sorted { rows[$0].p < rows[$1].p }
        var running = 0.0
        var adjusted = [Double](repeating: 1, count: rows.count)
        for (rank, index) in ordered.enumerated() {
            running = max(running, min(1, rows[index].p * Double(rows.count - rank)))
            adjusted[index] = running
        }
        let kept = rows.indices.filter { adjusted[$0] < alpha || rows[$0].isNew }.map { rows[$0] }
            .sorted { abs($0.now - $0.before) > abs($1.now - $1.before) }
        let type = scoreType ?? before.scoreType
        return BaselineComparison(scoreBefore: type?.figure(baseline.scores), scoreNow: type?.figure(summary.scores), themes: kept)
    }
}
