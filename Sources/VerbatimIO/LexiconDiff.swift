import Dispatch
import Foundation
import VerbatimAnalysis
import VerbatimText

/// What a lexicon change does to a corpus: both stacks classify every row (streaming, all cores)
/// and the differences are counted — sentiment label transitions, themes and flags gained and
/// lost per id, the rows that changed most (with both analyses), and, when the corpus has gold
/// `sentiment` / `themes` columns, the change in accuracy and theme micro-F1.
public struct LexiconDiff: Sendable {
    /// One row whose result differs between the two stacks.
    public struct ChangedRow: Sendable {
        public var id: String
        public var line: Int
        public var text: String
        public var base: CommentAnalysis
        public var head: CommentAnalysis
        /// |head score − base score| + 1 per changed label, theme or flag: how much it changed.
        public var weight: Double
    }

    public var rows = 0
    public var changedRows = 0
    /// "positive → mixed" counts, unchanged labels included ("positive → positive").
    public var labelTransitions: [String: Int] = [:]
    public var themesGained: [String: Int] = [:]
    public var themesLost: [String: Int] = [:]
    public var flagsGained: [String: Int] = [:]
    public var flagsLost: [String: Int] = [:]
    /// The most changed rows, most changed first (at most `keptRows`).
    public var mostChanged: [ChangedRow] = []
    /// Gold metrics (nil without gold columns): sentiment accuracy and theme micro-F1 for base and head.
    public var accuracy: (base: Double, head: Double)?
    public var themeMicroF1: (base: Double, head: Double)?

    public static let keptRows = 20

    /// Classifies `stream` with both stacks. `gold` gives each row's kept cells' meaning: the
    /// positions of the gold sentiment and themes among the kept columns, when the corpus has them.
    public static func run(
        _ stream: inout CommentStream, base: CompiledLexicons, head: CompiledLexicons, language: TextAnalyzer.LanguageChoice, threads: Int,
        goldSentiment: Int?, goldThemes: Int?
    ) throws -> LexiconDiff {
        let threads = max(1, threads)
        let workers = WorkerClassifiers(
            base: try (0..<threads).map { _ in RowClassifier(try Analyzer(base), language: language) },
            head: try (0..<threads).map { _ in RowClassifier(try Analyzer(head), language: language) })
        var diff = LexiconDiff()
        var correct = (base: 0, head: 0), labelled = 0
        var themeCounts = (base: (tp: 0, fp: 0, fn: 0), head: (tp: 0, fp: 0, fn: 0))
        while true {
            let rows = try stream.next(maxRows: 512)
            if rows.isEmpty { break }
            let results = workers.classify(rows, threads: threads)
            for (row, pair) in zip(rows, results) {
                diff.rows += 1
                guard let before = pair.base.analysis, let after = pair.head.analysis else { continue }
                diff.labelTransitions["\(before.sentiment.label.rawValue) → \(after.sentiment.label.rawValue)", default: 0] += 1
                let (themesBefore, themesAfter) = (Set(before.themes.map(\.id)), Set(after.themes.map(\.id)))
                let (flagsBefore, flagsAfter) = (Set(before.flags.map(\.id)), Set(after.flags.map(\.id)))
                for id in themesAfter.subtracting(themesBefore) { diff.themesGained[id, default: 0] += 1 }
                for id in themesBefore.subtracting(themesAfter) { diff.themesLost[id, default: 0] += 1 }
                for id in flagsAfter.subtracting(flagsBefore) { diff.flagsGained[id, default: 0] += 1 }
                for id in flagsBefore.subtracting(flagsAfter) { diff.flagsLost[id, default: 0] += 1 }
                let scoreChange = abs(after.sentiment.score - before.sentiment.score)
                let changes = (before.sentiment.label != after.sentiment.label ? 1 : 0) + themesBefore.symmetricDifference(themesAfter).count
                    + flagsBefore.symmetricDifference(flagsAfter).count + (before.touchpoint.id != after.touchpoint.id ? 1 : 0)
                if scoreChange > 0 || changes > 0 || before.themes.map(\.sentiment) != after.themes.map(\.sentiment) {
                    diff.changedRows += 1
                    diff.keep(ChangedRow(id: row.id ?? "line \(row.line)", line: row.line, text: before.text.text, base: before, head: after, weight: scoreChange + Double(changes)))
                }
                if let index = goldSentiment, index < row.kept.count, !row.kept[index].isEmpty {
                    labelled += 1
                    if before.sentiment.label.rawValue == row.kept[index] { correct.base += 1 }
                    if after.sentiment.label.rawValue == row.kept[index] { correct.head += 1 }
                }
                if let index = goldThemes, index < row.kept.count {
                    let gold = Set(row.kept[index].split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                    for (side, analysis) in [(0, before), (1, after)] {
                        let found = Set(analysis.themes.map(\.topLevel))
                        let counts = (found.intersection(gold).count, found.subtracting(gold).count, gold.subtracting(found).count)
                        if side == 0 { themeCounts.base = (themeCounts.base.tp + counts.0, themeCounts.base.fp + counts.1, themeCounts.base.fn + counts.2) }
                        else { themeCounts.head = (themeCounts.head.tp + counts.0, themeCounts.head.fp + counts.1, themeCounts.head.fn + counts.2) }
                    }
                }
            }
        }
        if labelled > 0 { diff.accuracy = (Double(correct.base) / Double(labelled), Double(correct.head) / Double(labelled)) }
        if goldThemes != nil {
            func f1(_ c: (tp: Int, fp: Int, fn: Int)) -> Double { c.tp == 0 ? 0 : 2 * Double(c.tp) / Double(2 * c.tp + c.fp + c.fn) }
            diff.themeMicroF1 = (f1(themeCounts.base), f1(themeCounts.head))
        }
        return diff
    }

    private mutating func keep(_ row: ChangedRow) {
        let position = mostChanged.firstIndex { $0.weight < row.weight } ?? mostChanged.count
        guard position < Self.keptRows else { return }
        mostChanged.insert(row, at: position)
        if mostChanged.count > Self.keptRows { mostChanged.removeLast() }
    }
}

/// Per thread, a classifier for each stack; classifies a chunk's rows in parallel, in place.
private struct WorkerClassifiers: @unchecked Sendable {
    let base: [RowClassifier]
    let head: [RowClassifier]

    func classify(_ rows: [InputRow], threads: Int) -> [(base: ResultRow, head: ResultRow)] {
        var results = [(base: ResultRow, head: ResultRow)?](repeating: nil, count: rows.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeOutput(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                for index in stride(from: worker, to: rows.count, by: threads) {
                    output.buffer[index] = (base[worker].classify(rows[index]), head[worker].classify(rows[index]))
                }
            }
        }
        return results.map { $0! }
    }
}

/// Each worker writes only its own indexes of the buffer.
private struct UnsafeOutput: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<(base: ResultRow, head: ResultRow)?>
}
