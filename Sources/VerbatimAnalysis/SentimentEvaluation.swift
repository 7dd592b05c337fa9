import Foundation

/// Sentiment accuracy against human labels, with the metrics of the evaluation sets' README:
/// accuracy and macro-F1 over rows with a gold label (the F1 of each gold class present, averaged;
/// a `neutral` prediction on a binary set counts as wrong), and Pearson r between the predicted
/// score and the human rating over all rows. Predicted labels come from the score and the
/// thresholds (> +band positive, < −band negative, else neutral) — except on gold sets that use
/// `mixed` (Verbatim's corpora), where the product's own four labels are compared.
public struct SentimentEvaluation: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var text: String
        public var gold: String?
        public var rating: Double?
        public var score: Double
        /// From the score and thresholds.
        public var predicted: String
        /// The product's label (with `mixed`).
        public var productLabel: String
    }

    public let band: Double
    public private(set) var rows: [Row] = []

    public init(band: Double = 0.05) {
        self.band = band
    }

    public func label(for score: Double) -> String {
        score > band ? "positive" : score < -band ? "negative" : "neutral"
    }

    public mutating func add(id: String, text: String, gold: String?, rating: Double?, score: Double, productLabel: String) {
        let gold = gold.flatMap { $0.isEmpty ? nil : $0 }
        rows.append(Row(id: id, text: text, gold: gold, rating: rating, score: score, predicted: label(for: score), productLabel: productLabel))
    }

    /// Whether the gold labels include `mixed`, so the product's labels are compared.
    public var usesProductLabels: Bool { rows.contains { $0.gold == "mixed" } }

    /// Labelled rows, with `predicted` set to the label compared.
    private var labelled: [Row] {
        let product = usesProductLabels
        return rows.compactMap { row in
            guard row.gold != nil else { return nil }
            var row = row
            if product { row.predicted = row.productLabel }
            return row
        }
    }

    public var goldClasses: [String] {
        ["positive", "negative", "neutral", "mixed"].filter { label in labelled.contains { $0.gold == label } }
    }

    public var accuracy: Double? {
        let rows = labelled
        return rows.isEmpty ? nil : Double(rows.count { $0.gold == $0.predicted }) / Double(rows.count)
    }

    /// Mean F1 over the gold classes present.
    public var macroF1: Double? {
        let classes = goldClasses
        guard !classes.isEmpty else { return nil }
        let rows = labelled
        let f1s = classes.map { label -> Double in
            let truePositives = Double(rows.count { $0.gold == label && $0.predicted == label })
            let predicted = Double(rows.count { $0.predicted == label })
            let actual = Double(rows.count { $0.gold == label })
            let precision = predicted == 0 ? 0 : truePositives / predicted
            let recall = actual == 0 ? 0 : truePositives / actual
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        return f1s.reduce(0, +) / Double(f1s.count)
    }

    /// Pearson correlation of score and rating over rows with a rating.
    public var pearson: Double? {
        let pairs = rows.compactMap { row in row.rating.map { (row.score, $0) } }
        guard pairs.count > 2 else { return nil }
        let n = Double(pairs.count)
        let meanX = pairs.reduce(0) { $0 + $1.0 } / n
        let meanY = pairs.reduce(0) { $0 + $1.1 } / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (x, y) in pairs {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
            varianceY += (y - meanY) * (y - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Counts of (gold, predicted).
    public var confusion: [String: [String: Int]] {
        var table: [String: [String: Int]] = [:]
        for row in labelled { table[row.gold!, default: [:]][row.predicted, default: 0] += 1 }
        return table
    }

    /// Wrong rows, most confidently wrong first.
    public func worstErrors(_ count: Int) -> [Row] {
        labelled.filter { $0.gold != $0.predicted }.sorted { abs($0.score) > abs($1.score) }.prefix(count).map { $0 }
    }

    public func report(title: String, worst: Int = 0) -> String {
        func figure(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "—" }
        let labels = usesProductLabels ? "product labels incl. mixed" : "thresholds ±\(band)"
        var lines = ["\(title)", "  n (gold) \(labelled.count) of \(rows.count)  accuracy \(figure(accuracy))  macro-F1 \(figure(macroF1))  Pearson r \(figure(pearson))  (\(labels))"]
        let predictedLabels = usesProductLabels ? ["positive", "negative", "neutral", "mixed"] : ["positive", "negative", "neutral"]
        lines.append("  confusion (rows gold, columns predicted): " + predictedLabels.joined(separator: " / "))
        for gold in goldClasses {
            let cells = predictedLabels.map { String(confusion[gold]?[$0] ?? 0) }
            lines.append("    \(gold.padding(toLength: 9, withPad: " ", startingAt: 0)) " + cells.joined(separator: " / "))
        }
        if worst > 0 {
            lines.append("  worst errors:")
            for row in worstErrors(worst) {
                lines.append("    \(row.id) gold \(row.gold ?? "") predicted \(row.predicted) (\(String(format: "%.3f", row.score))): \(row.text.prefix(140))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
