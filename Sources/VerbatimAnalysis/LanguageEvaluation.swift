import Foundation
import VerbatimText

/// Accuracy of language identification against texts of known language, split by length
/// (1–4 words and 5 or more), with the confusion table. Mergeable: evaluate files or shards
/// apart and add the results.
public struct LanguageEvaluation: Hashable, Sendable {
    /// Length groups the figures are reported for.
    public enum LengthBucket: String, Hashable, Sendable, CaseIterable, Comparable {
        case short = "1-4 words"
        case long = "5+ words"

        public init(wordCount: Int) { self = wordCount >= 5 ? .long : .short }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .short && rhs == .long }
    }

    private struct Key: Hashable {
        var bucket: LengthBucket
        var gold: Language
        var predicted: Language
    }

    private var counts: [Key: Int] = [:]
    /// Texts without a single word (empty, emoji only): not counted in any bucket.
    public private(set) var wordless = 0

    public init() {}

    public mutating func add(gold: Language, predicted: Language, wordCount: Int) {
        guard wordCount > 0 else {
            wordless += 1
            return
        }
        counts[Key(bucket: LengthBucket(wordCount: wordCount), gold: gold, predicted: predicted), default: 0] += 1
    }

    public mutating func merge(_ other: LanguageEvaluation) {
        counts.merge(other.counts, uniquingKeysWith: +)
        wordless += other.wordless
    }

    public func total(_ bucket: LengthBucket? = nil) -> Int {
        counts.filter { bucket == nil || $0.key.bucket == bucket }.values.reduce(0, +)
    }

    public func correct(_ bucket: LengthBucket? = nil) -> Int {
        counts.filter { (bucket == nil || $0.key.bucket == bucket) && $0.key.gold == $0.key.predicted }.values.reduce(0, +)
    }

    /// Share correct (0–1); nil when the bucket is empty.
    public func accuracy(_ bucket: LengthBucket? = nil) -> Double? {
        let total = total(bucket)
        return total == 0 ? nil : Double(correct(bucket)) / Double(total)
    }

    /// How many texts of `gold` were identified as `predicted`.
    public func count(gold: Language, predicted: Language, bucket: LengthBucket? = nil) -> Int {
        counts.filter { ($0.key.bucket == bucket || bucket == nil) && $0.key.gold == gold && $0.key.predicted == predicted }
            .values.reduce(0, +)
    }

    /// The figures as a small text report.
    public func report(title: String) -> String {
        var lines = [title]
        for bucket in [LengthBucket.long, .short] + [nil] {
            let name = bucket?.rawValue ?? "all"
            let accuracy = accuracy(bucket).map { String(format: "%.2f%%", $0 * 100) } ?? "—"
            lines.append("  \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(accuracy) (\(correct(bucket))/\(total(bucket)))")
        }
        let golds = Language.allCases.filter { gold in Language.allCases.contains { count(gold: gold, predicted: $0) > 0 } }
        if !golds.isEmpty {
            lines.append("  confusion (rows gold, columns predicted; 5+ words | 1-4 words):")
            lines.append("    gold  " + Language.allCases.map { $0.code.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
            for gold in golds {
                let cells = Language.allCases.map { predicted in
                    "\(count(gold: gold, predicted: predicted, bucket: .long)) | \(count(gold: gold, predicted: predicted, bucket: .short))"
                        .padding(toLength: 15, withPad: " ", startingAt: 0)
                }
                lines.append("    \(gold.code.padding(toLength: 6, withPad: " ", startingAt: 0))" + cells.joined())
            }
        }
        if wordless > 0 { lines.append("  texts without words (not counted): \(wordless)") }
        return lines.joined(separator: "\n")
    }
}
