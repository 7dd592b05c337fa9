/// The survey's score question, and which answers are happy or unhappy:
/// - `nps`: 0–10 "how likely are you to recommend"; promoters 9–10, detractors 0–6;
/// - `csat`: 1–5 satisfaction; satisfied 4–5, dissatisfied 1–2;
/// - `ces`: 1–7 Customer Effort Score ("the company made it easy"); easy 5–7, high effort 1–3.
/// Used alike by flags (`score_group: unhappy`), drivers and the report; the summary figures are in
/// VerbatimInsights.
public enum ScoreType: String, Codable, Sendable, CaseIterable {
    case nps, csat, ces

    /// The type a score's value shows on its own (above 7: NPS; above 5: CES), nil when it could be any.
    public static func shown(by score: Double) -> ScoreType? {
        score > 7 ? .nps : score > 5 ? .ces : nil
    }

    /// The type of a set of scores from the highest seen: above 7 NPS, above 5 CES, else CSAT.
    public static func detect(maximum: Double) -> ScoreType {
        shown(by: maximum) ?? .csat
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

    /// The score group of an answer: happy, unhappy or middle.
    public func group(_ score: Double) -> String {
        isHappy(score) ? "happy" : isUnhappy(score) ? "unhappy" : "middle"
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
}
