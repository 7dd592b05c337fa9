/// Survey scores counted by value: enough for NPS (0–10), CSAT (1–5) and means, and exact under
/// merging (integers only). Keys are the score with one decimal ("9", "4.5").
public struct ScoreHistogram: Codable, Hashable, Sendable {
    public var counts: [String: Int] = [:]

    public init() {}

    public mutating func add(_ score: Double) {
        counts[Self.key(score), default: 0] += 1
    }

    public mutating func merge(_ other: ScoreHistogram) {
        counts.merge(other.counts, uniquingKeysWith: +)
    }

    static func key(_ score: Double) -> String {
        let tenths = (score * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    public var total: Int { counts.values.reduce(0, +) }

    private func count(where predicate: (Double) -> Bool) -> Int {
        counts.reduce(0) { $0 + (predicate(Double($1.key) ?? .nan) ? $1.value : 0) }
    }

    public var promoters: Int { count { $0 >= 9 } }
    public var detractors: Int { count { $0 <= 6 } }

    /// Net Promoter Score: % promoters (9–10) − % detractors (0–6); nil without scores.
    public var nps: Double? {
        let total = self.total
        guard total > 0 else { return nil }
        return Double(promoters - detractors) / Double(total) * 100
    }

    public var mean: Double? {
        let total = self.total
        guard total > 0 else { return nil }
        return counts.reduce(0.0) { $0 + (Double($1.key) ?? 0) * Double($1.value) } / Double(total)
    }
}
