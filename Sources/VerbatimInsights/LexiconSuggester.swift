import Foundation
import VerbatimAnalysis
import VerbatimIO
import VerbatimText

/// Candidate lexicon entries from a user's own comments: words and phrases (up to three words)
/// that no entry covers — no sentiment word, modifier, theme or flag matched any of their words —
/// counted with the scores (or, without a score column, the clause sentiment) of the comments
/// they occur in. Mergeable per chunk, like the summary.
public struct LexiconSuggester: ChunkSummary {
    public struct Stats: Sendable, Hashable {
        public var comments = 0
        public var scoreCount = 0
        public var scoreSum = 0.0
        public var sentimentSum = 0.0
        /// Top-level themes of the comments it occurs in.
        public var themes: [String: Int] = [:]
        public var example = ""
        var exampleKey = UInt64.max

        mutating func merge(_ other: Stats) {
            comments += other.comments
            scoreCount += other.scoreCount
            scoreSum += other.scoreSum
            sentimentSum += other.sentimentSum
            themes.merge(other.themes, uniquingKeysWith: +)
            if other.exampleKey < exampleKey { (example, exampleKey) = (other.example, other.exampleKey) }
        }
    }

    public private(set) var candidates: [String: Stats] = [:]
    /// All comments: count, scored count, score sum and sum of squares (for the baseline).
    public private(set) var comments = 0
    public private(set) var scores: [Double] = []

    public init(_ options: Void) {}

    public mutating func add(_ row: ResultRow) {
        guard let analysis = row.analysis else { return }
        comments += 1
        if let score = row.score { scores.append(score) }
        let tokens = analysis.text.tokens
        var covered = [Bool](repeating: false, count: tokens.count)
        func cover(_ range: Range<Int>) { for index in range where index < covered.count { covered[index] = true } }
        for contribution in analysis.sentiment.contributions {
            cover(contribution.tokenRange)
            for rule in contribution.rules { if let index = rule.tokenIndex { cover(index..<(index + 1)) } }
        }
        for theme in analysis.themes { for evidence in theme.evidence { cover(evidence.tokenRange) } }
        for flag in analysis.flags { for evidence in flag.evidence { cover(evidence.tokenRange) } }
        for evidence in analysis.touchpoint.evidence { cover(evidence.tokenRange) }

        // Runs of uncovered content words; n-grams inside them, not starting or ending on a function word.
        var found: Set<String> = []
        var run: [String] = []
        func flush() {
            for length in 1...3 where run.count >= length {
                for start in 0...(run.count - length) {
                    let words = Array(run[start..<(start + length)])
                    guard !FunctionWords.contains(words.first!), !FunctionWords.contains(words.last!) else { continue }
                    found.insert(words.joined(separator: " "))
                }
            }
            run = []
        }
        for (index, token) in tokens.enumerated() {
            if token.kind == .word, !covered[index], token.normalized.unicodeScalars.count >= 3 || run.count > 0,
                TermExtractor.isLetters(token.normalized)
            {
                run.append(token.normalized)
            } else {
                flush()
            }
        }
        flush()
        guard !found.isEmpty else { return }
        let clauseSentiment = analysis.sentiment.score
        let themes = Set(analysis.themes.map(\.topLevel))
        let key = StableHash.fnv1a((row.id ?? "") + analysis.text.text)
        for term in found {
            var stats = candidates[term] ?? Stats()
            stats.comments += 1
            if let score = row.score {
                stats.scoreCount += 1
                stats.scoreSum += score
            }
            stats.sentimentSum += clauseSentiment
            for theme in themes { stats.themes[theme, default: 0] += 1 }
            if key < stats.exampleKey { (stats.example, stats.exampleKey) = (analysis.text.text, key) }
            candidates[term] = stats
        }
    }

    public mutating func merge(_ other: LexiconSuggester) {
        candidates.merge(other.candidates) { var merged = $0; merged.merge($1); return merged }
        comments += other.comments
        scores += other.scores
    }

    /// A proposed entry.
    public struct Suggestion: Sendable, Hashable {
        public var term: String
        public var valence: Double
        public var theme: String?
        public var comments: Int
        /// Mean score of its comments (nil without scores), and how far it is from the mean of all
        /// comments in standard errors (z); without scores, the mean comment sentiment and its z.
        public var mean: Double
        public var z: Double
        public var example: String
    }

    /// The candidates seen in at least `minimumComments` comments, ranked by how strongly they go
    /// with low or high scores (|z| of their comments' mean score against all comments; without
    /// scores, of their comments' sentiment). The proposed valence is the mean's distance from the
    /// overall mean in standard deviations × 2, within ±3, in steps of 0.5; the proposed theme is
    /// the top-level theme of at least 40% of its comments.
    /// `existing`: terms the lexicons already have (lower-cased), never proposed again.
    public func suggestions(limit: Int = 50, minimumComments: Int? = nil, existing: Set<String> = []) -> [Suggestion] {
        let minimum = minimumComments ?? max(3, comments / 1_000)
        let useScores = scores.count >= max(10, comments / 2)
        let baseline: (mean: Double, sd: Double)
        if useScores {
            let mean = scores.reduce(0, +) / Double(scores.count)
            let variance = scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, scores.count - 1))
            baseline = (mean, max(variance.squareRoot(), 1e-9))
        } else {
            let all = candidates.values.reduce(into: (0.0, 0)) { $0.0 += $1.sentimentSum; $0.1 += $1.comments }
            baseline = (all.1 == 0 ? 0 : all.0 / Double(all.1), 0.5)
        }
        var result: [Suggestion] = []
        for (term, stats) in candidates where stats.comments >= minimum && !existing.contains(term) {
            let count = useScores ? stats.scoreCount : stats.comments
            guard count > 0 else { continue }
            let mean = (useScores ? stats.scoreSum : stats.sentimentSum) / Double(count)
            let z = (mean - baseline.mean) / (baseline.sd / Double(count).squareRoot())
            let valence = max(-3, min(3, ((mean - baseline.mean) / baseline.sd * 2 * 2).rounded() / 2))
            let theme = stats.themes.filter { Double($0.value) >= 0.4 * Double(stats.comments) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            result.append(Suggestion(term: term, valence: valence, theme: theme, comments: stats.comments, mean: mean, z: z, example: stats.example))
        }
        return Array(result.sorted { abs($0.z) != abs($1.z) ? abs($0.z) > abs($1.z) : $0.term < $1.term }.prefix(limit))
    }

    /// The suggestions as a TSV to edit and copy into a sentiment file (or themes.yaml).
    public static func tsv(_ suggestions: [Suggestion], scored: Bool) -> String {
        var lines = [
            "# Candidate entries from `verbatim lexicon suggest`: words and phrases no lexicon entry covers, ranked by how",
            "# strongly they go with \(scored ? "low or high scores" : "negative or positive comments"). Check each; copy the ones you accept",
            "# (term<TAB>valence) into <lang>/sentiment.tsv, or the term into a theme in themes.yaml.",
            "term\tvalence\ttheme\tcomments\t\(scored ? "mean_score" : "mean_sentiment")\tz\texample",
        ]
        for suggestion in suggestions {
            let example = suggestion.example.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            lines.append([
                suggestion.term, LexiconSuggester.number(suggestion.valence), suggestion.theme ?? "", String(suggestion.comments),
                String(format: "%.2f", suggestion.mean), String(format: "%.1f", suggestion.z), String(example.prefix(160)),
            ].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
