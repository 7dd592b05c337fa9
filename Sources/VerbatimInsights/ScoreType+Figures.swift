import VerbatimAnalysis

/// The textbook summary figure of each score type: NPS = % promoters − % detractors; CSAT = % of
/// answers 4 or 5; CES = the mean (and % easy). `auto` picks from the values seen: above 7 → NPS,
/// above 5 → CES, else CSAT (said in the report).
extension ScoreType {
    /// The type the scores look like.
    public static func detect(_ histogram: ScoreHistogram) -> ScoreType? {
        histogram.counts.keys.compactMap(Double.init).max().map { detect(maximum: $0) }
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
