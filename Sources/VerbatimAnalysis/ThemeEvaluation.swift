import Foundation

/// Theme tagging against gold labels: per-theme precision, recall and F1, micro and macro, over
/// the gold file's label space (the top-level ids its `themes` column uses; themes the taxonomy
/// finds outside that space are not counted). Touch points: accuracy of detection from the text
/// alone, and of resolution when the gold value is given as the touch-point column.
public struct ThemeEvaluation: Sendable {
    private var truePositives: [String: Int] = [:]
    private var falsePositives: [String: Int] = [:]
    private var falseNegatives: [String: Int] = [:]
    private var rows: [(gold: Set<String>, predicted: Set<String>, id: String, text: String)] = []
    /// Per rule (`theme: term (file:line)`): how often it raised a theme the gold row does not have.
    private var falsePositiveRules: [String: Int] = [:]
    public private(set) var touchpointRows = 0
    public private(set) var touchpointsDetectedCorrectly = 0
    public private(set) var touchpointsDetected = 0
    public private(set) var touchpointsResolvedFromColumn = 0

    public init() {}

    public mutating func add(id: String, text: String, gold: Set<String>, hits: [ThemeHit]) {
        let predicted = Set(hits.map(\.topLevel))
        rows.append((gold, predicted, id, text))
        for hit in hits where !gold.contains(hit.topLevel) && !gold.isEmpty || gold.isEmpty && !hits.isEmpty {
            for item in hit.evidence { falsePositiveRules["\(hit.id): '\(item.rule)' (\(item.origin))", default: 0] += 1 }
        }
    }

    public mutating func addTouchpoint(gold: String, detected: String?, fromColumn: String?) {
        touchpointRows += 1
        if detected != nil { touchpointsDetected += 1 }
        if detected == gold { touchpointsDetectedCorrectly += 1 }
        if fromColumn == gold { touchpointsResolvedFromColumn += 1 }
    }

    /// The gold label space.
    public var labels: [String] { Array(Set(rows.flatMap(\.gold))).sorted() }

    private func counts() -> (tp: [String: Int], fp: [String: Int], fn: [String: Int]) {
        let space = Set(labels)
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        for row in rows {
            let predicted = row.predicted.intersection(space)
            for label in predicted.intersection(row.gold) { tp[label, default: 0] += 1 }
            for label in predicted.subtracting(row.gold) { fp[label, default: 0] += 1 }
            for label in row.gold.subtracting(predicted) { fn[label, default: 0] += 1 }
        }
        return (tp, fp, fn)
    }

    private static func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> (precision: Double, recall: Double, f1: Double) {
        let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    public var microF1: Double {
        let (tp, fp, fn) = counts()
        return Self.f1(tp.values.reduce(0, +), fp.values.reduce(0, +), fn.values.reduce(0, +)).f1
    }

    public var macroF1: Double {
        let (tp, fp, fn) = counts()
        let scores = labels.map { Self.f1(tp[$0] ?? 0, fp[$0] ?? 0, fn[$0] ?? 0).f1 }
        return scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }

    public func report(title: String, worst: Int = 0) -> String {
        let (tp, fp, fn) = counts()
        var lines = [title, String(format: "  themes: micro-F1 %.4f  macro-F1 %.4f  over %d rows, %d labels (the gold file's)", microF1, macroF1, rows.count, labels.count)]
        for label in labels {
            let (precision, recall, f1) = Self.f1(tp[label] ?? 0, fp[label] ?? 0, fn[label] ?? 0)
            lines.append("    " + label.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(format: "P %.3f  R %.3f  F1 %.3f  (gold %d)", precision, recall, f1, (tp[label] ?? 0) + (fn[label] ?? 0)))
        }
        if touchpointRows > 0 {
            lines.append(String(format: "  touch point from the text alone: accuracy %.4f (%d/%d); detected in %d rows, precision %.4f",
                                Double(touchpointsDetectedCorrectly) / Double(touchpointRows), touchpointsDetectedCorrectly, touchpointRows,
                                touchpointsDetected, touchpointsDetected == 0 ? 0 : Double(touchpointsDetectedCorrectly) / Double(touchpointsDetected)))
            lines.append(String(format: "  touch point from the column: accuracy %.4f (%d/%d)", Double(touchpointsResolvedFromColumn) / Double(touchpointRows), touchpointsResolvedFromColumn, touchpointRows))
        }
        if worst > 0 {
            lines.append("  rules raising themes the gold does not have (most first):")
            for (rule, count) in falsePositiveRules.sorted(by: { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }).prefix(worst) {
                lines.append("    \(count)× \(rule)")
            }
            lines.append("  misses:")
            let space = Set(labels)
            for row in rows where row.predicted.intersection(space) != row.gold {
                let missing = row.gold.subtracting(row.predicted).sorted().joined(separator: ",")
                let extra = row.predicted.intersection(space).subtracting(row.gold).sorted().joined(separator: ",")
                lines.append("    \(row.id) missing [\(missing)] extra [\(extra)]: \(row.text.prefix(120))")
                if lines.count > worst + labels.count + 6 { break }
            }
        }
        return lines.joined(separator: "\n")
    }
}
