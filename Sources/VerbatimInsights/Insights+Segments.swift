import Foundation

extension Insights {
    /// A theme over- or under-represented in one segment value against the rest of the export.
    public struct SegmentFinding: Sendable, Hashable {
        public var column: String
        public var value: String
        public var theme: String
        public var share: Double
        public var restShare: Double
        public var mentions: Int
        public var comments: Int
        /// Two-sided two-proportion z-test p-value, and after Holm–Bonferroni over every test.
        public var p: Double
        public var adjustedP: Double
    }

    /// Per segment column, the values with the most comments (up to `values`; the rest are named
    /// as pooled in the report), each with its comments and score figure.
    public func segmentValues(_ column: String, values: Int = 8) -> [(value: String, cell: SegmentCell)] {
        (summary.segments[column] ?? [:]).sorted { $0.value.comments != $1.value.comments ? $0.value.comments > $1.value.comments : $0.key < $1.key }
            .prefix(values).map { ($0.key, $0.value) }
    }

    /// Method: for every segment value with at least `minimumComments` comments and every top-level
    /// theme, the theme's share of the value's comments is compared with its share of all other
    /// comments by a two-sided two-proportion z-test (pooled standard error); the p-values of all
    /// tests are adjusted with Holm–Bonferroni and findings kept below `alpha`. Small groups are not
    /// over-read: they fail the minimum or the correction. Largest differences first.
    public func segmentFindings(minimumComments: Int = 30, alpha: Double = 0.05) -> [SegmentFinding] {
        var found: [SegmentFinding] = []
        for (column, values) in summary.segments {
            let totalComments = values.values.reduce(0) { $0 + $1.comments }
            var totalThemes: [String: Int] = [:]
            for cell in values.values { totalThemes.merge(cell.themes, uniquingKeysWith: +) }
            for (value, cell) in values where cell.comments >= minimumComments && totalComments - cell.comments >= minimumComments {
                for (theme, total) in totalThemes {
                    let x1 = cell.themes[theme] ?? 0, n1 = cell.comments
                    let x2 = total - x1, n2 = totalComments - n1
                    let pooled = Double(x1 + x2) / Double(n1 + n2)
                    let se = (pooled * (1 - pooled) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
                    guard se > 0 else { continue }
                    let z = (Double(x1) / Double(n1) - Double(x2) / Double(n2)) / se
                    let p = erfc(abs(z) / 2.0.squareRoot())
                    found.append(SegmentFinding(column: column, value: value, theme: theme, share: Double(x1) / Double(n1), restShare: Double(x2) / Double(n2),
                                                mentions: x1, comments: n1, p: p, adjustedP: p))
                }
            }
        }
        // Holm–Bonferroni: the k-th smallest p-value × (m − k + 1), kept monotone.
        let ordered = found.indices.sorted { found[$0].p != found[$1].p ? found[$0].p < found[$1].p : $0 < $1 }
        var running = 0.0
        for (rank, index) in ordered.enumerated() {
            running = max(running, min(1, found[index].p * Double(found.count - rank)))
            found[index].adjustedP = running
        }
        return found.filter { $0.adjustedP < alpha }
            .sorted { abs($0.share - $0.restShare) != abs($1.share - $1.restShare) ? abs($0.share - $0.restShare) > abs($1.share - $1.restShare) : ($0.column, $0.value, $0.theme) < ($1.column, $1.value, $1.theme) }
    }

    /// Respondents in score × value quadrants: happy or unhappy by the score type, high or low value
    /// against the median value (read from the merged value buckets).
    public struct Quadrant: Sendable, Hashable {
        public var name: String
        public var respondents: Int
        public var themes: [(theme: String, count: Int)]

        public static func == (a: Quadrant, b: Quadrant) -> Bool { a.name == b.name && a.respondents == b.respondents }
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    /// The median value's bucket (values above it are "high"), nil without values.
    public var medianValueBucket: Int? {
        guard !summary.values.isEmpty else { return nil }
        var buckets: [Int: Int] = [:]
        for (key, cell) in summary.values {
            if let bucket = key.split(separator: "|").last.flatMap({ Int($0) }) { buckets[bucket, default: 0] += cell.respondents }
        }
        let total = buckets.values.reduce(0, +)
        var running = 0
        for bucket in buckets.keys.sorted() {
            running += buckets[bucket]!
            if running * 2 >= total { return bucket }
        }
        return nil
    }

    /// Whether a respondent is in the at-risk quadrant (low score, high value).
    public func isAtRisk(score: Double, value: Double) -> Bool {
        guard let type = scoreType, let median = medianValueBucket else { return false }
        return type.isUnhappy(score) && ValueBuckets.bucket(value) > median
    }

    public var quadrants: [Quadrant] {
        guard let type = scoreType, !summary.values.isEmpty else { return [] }
        var buckets: [Int: Int] = [:]
        for (key, cell) in summary.values {
            if let bucket = key.split(separator: "|").last.flatMap({ Int($0) }) { buckets[bucket, default: 0] += cell.respondents }
        }
        let total = buckets.values.reduce(0, +)
        var running = 0, median = 0
        for bucket in buckets.keys.sorted() {
            running += buckets[bucket]!
            if running * 2 >= total { median = bucket; break }
        }
        var groups: [String: (Int, [String: Int])] = [:]
        for (key, cell) in summary.values {
            let parts = key.split(separator: "|")
            guard parts.count == 2, let score = Double(parts[0]), let bucket = Int(parts[1]) else { continue }
            let scorePart = type.isHappy(score) ? "high score" : type.isUnhappy(score) ? "low score" : nil
            guard let scorePart else { continue }
            let name = "\(scorePart) / \(bucket > median ? "high" : "low") value"
            var group = groups[name] ?? (0, [:])
            group.0 += cell.respondents
            group.1.merge(cell.themes, uniquingKeysWith: +)
            groups[name] = group
        }
        let order = ["high score / high value", "high score / low value", "low score / high value", "low score / low value"]
        return order.map { name in
            let group = groups[name] ?? (0, [:])
            return Quadrant(name: name, respondents: group.0, themes: group.1.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3).map { ($0.key, $0.value) })
        }
    }
}
