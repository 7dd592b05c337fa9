/// The survey's score question and its textbook summary figure:
/// - `nps`: 0–10 "how likely are you to recommend"; NPS = % promoters (9–10) − % detractors (0–6);
/// - `csat`: 1–5 satisfaction; CSAT = % of answers 4 or 5;
/// - `ces`: 1–7 Customer Effort Score ("the company made it easy"); mean, and % easy (5–7).
/// `auto` picks from the values seen: above 7 → NPS, above 5 → CES, else CSAT (said in the report).
public enum ScoreType: String, Codable, Sendable, CaseIterable {
    case nps, csat, ces

    /// The type the scores look like.
    public static func detect(_ histogram: ScoreHistogram) -> ScoreType? {
        let values = histogram.counts.keys.compactMap(Double.init)
        guard let maximum = values.max() else { return nil }
        if maximum > 7 { return .nps }
        if maximum > 5 { return .ces }
        return .csat
    }

    /// The summary figure of `histogram` (NPS points, % satisfied, or the mean effort score).
    public func figure(_ histogram: ScoreHistogram) -> Double? {
        let total = histogram.total
        guard total > 0 else { return nil }
        switch self {
        case .nps: return histogram.nps
        case .csat: return Double(count(histogram, where: isHappy)) / Double(total) * 100
        case .ces: return histogram.mean
        }
    }

    /// % easy for CES (5–7), nil for the other types.
    public func easyShare(_ histogram: ScoreHistogram) -> Double? {
        guard self == .ces, histogram.total > 0 else { return nil }
        return Double(count(histogram, where: isHappy)) / Double(histogram.total) * 100
    }

    /// A promoter (NPS 9–10), a satisfied customer (CSAT 4–5), an easy experience (CES 5–7).
    public func isHappy(_ score: Double) -> Bool {
        switch self {
        case .nps: score >= 9
        case .csat: score >= 4
        case .ces: score >= 5
        }
    }

    /// A detractor (NPS 0–6), a dissatisfied customer (CSAT 1–2), high effort (CES 1–3).
    public func isUnhappy(_ score: Double) -> Bool {
        switch self {
        case .nps: score <= 6
        case .csat: score <= 2
        case .ces: score <= 3
        }
    }

    /// What the unhappy group is called.
    public var unhappyName: String {
        switch self {
        case .nps: "detractor"
        case .csat: "dissatisfied"
        case .ces: "high effort"
        }
    }

    /// What the figure is called in the report.
    public var figureName: String {
        switch self {
        case .nps: "NPS"
        case .csat: "CSAT"
        case .ces: "CES"
        }
    }

    /// The figure over a histogram's scores with those of another histogram taken out (for drivers).
    public func figure(_ all: ScoreHistogram, without part: ScoreHistogram) -> Double? {
        var rest = ScoreHistogram()
        for (key, count) in all.counts {
            let remaining = count - (part.counts[key] ?? 0)
            if remaining > 0 { rest.counts[key] = remaining }
        }
        return figure(rest)
    }

    private func count(_ histogram: ScoreHistogram, where predicate: (Double) -> Bool) -> Int {
        histogram.counts.reduce(0) { $0 + (Double($1.key).map(predicate) == true ? $1.value : 0) }
    }
}
