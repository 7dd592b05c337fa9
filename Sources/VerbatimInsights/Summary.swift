import VerbatimAnalysis
import VerbatimIO

/// The mergeable summary of classified comments: everything the report needs, and nothing that
/// depends on the order rows were seen in. It is a commutative monoid — `Summary()` is the
/// identity and `merge` is associative and commutative — because it holds only integer counts,
/// integer sums (sentiment in ten-thousandths), count-min sketches and bounded samples chosen by
/// stable hashes. So summaries of shards (threads, files, Spark partitions) merge into exactly
/// the summary of the whole. Written as `summary.json` (see README).
public struct Summary: Codable, Hashable, Sendable {
    public static let formatVersion = 1
    /// Exemplars kept per touch point × theme, and per touch point for comments no theme matched.
    public static let exemplarsPerCell = 3
    /// Flagged comments kept for the queue (most severe first); counts are kept for all.
    public static let flaggedKept = 500

    public var version = Summary.formatVersion
    public var rows = 0
    /// Rows with an analysis (the rest could not be read; see `problems`).
    public var classified = 0
    public var languages: [String: Int] = [:]
    /// Comments per sentiment label.
    public var labels: [String: Int] = [:]
    /// Sum of comment sentiment scores, in ten-thousandths.
    public var sentimentSum = 0
    public var scores = ScoreHistogram()
    /// Rows per problem code.
    public var problems: [String: Int] = [:]
    /// Whether exemplar and queue texts had personal data masked.
    public var masked = true
    public var touchpoints: [String: TouchpointSummary] = [:]
    public var flags: [String: FlagCount] = [:]
    public var flagged = BoundedSample<FlaggedComment>(capacity: Summary.flaggedKept)
    /// How often each term occurs across all classified comments (approximate, never under).
    public var corpusTerms = CountMinSketch()
    /// Terms counted into `corpusTerms`.
    public var corpusTermCount = 0
    /// The score question's type as configured (`--score-type`); nil: told from the scores.
    public var scoreType: ScoreType?
    /// Per segment column (region, product, …), per value: the same counts per theme.
    public var segments: [String: [String: SegmentCell]] = [:]
    /// Per calendar day (`yyyy-mm-dd`, or `?a/b/yyyy` until the export's day/month order is known).
    public var days: [String: DayCell] = [:]
    /// Dates that prove day-first or month-first order, and rows whose date could not be read.
    public var dateOrders: [String: Int] = [:]
    public var unreadableDates = 0
    /// Respondents by "score|value bucket" (buckets: powers of two), with their themes.
    public var values: [String: ValueCell] = [:]

    public init() {}

    /// Values per segment column kept apart; further values are pooled as `(other)`.
    public static let segmentValuesKept = 500
    public static let otherSegment = "(other)"

    /// Where a segment value is counted in `column`: as itself, or — beyond the bound — pooled as
    /// `(other)`. Exact under merging while a column has at most `segmentValuesKept` values in all
    /// (the usual case: regions, products, plans).
    static func segmentKey(_ value: String, in column: [String: SegmentCell]) -> String {
        column[value] != nil || column.count < segmentValuesKept ? value : otherSegment
    }

    /// The touch-point key of comments with no touch point.
    public static let noTouchpoint = "(none)"

    public mutating func merge(_ other: Summary) {
        rows += other.rows
        classified += other.classified
        languages.merge(other.languages, uniquingKeysWith: +)
        labels.merge(other.labels, uniquingKeysWith: +)
        sentimentSum += other.sentimentSum
        scores.merge(other.scores)
        problems.merge(other.problems, uniquingKeysWith: +)
        masked = masked && other.masked
        touchpoints.merge(other.touchpoints) { var merged = $0; merged.merge($1); return merged }
        flags.merge(other.flags) { var merged = $0; merged.merge($1); return merged }
        flagged.merge(other.flagged)
        corpusTerms.merge(other.corpusTerms)
        corpusTermCount += other.corpusTermCount
        scoreType = scoreType ?? other.scoreType
        for (column, values) in other.segments {
            var mine = segments[column] ?? [:]
            for (value, cell) in values {
                mine[Summary.segmentKey(value, in: mine), default: SegmentCell()].merge(cell)
            }
            segments[column] = mine
        }
        days.merge(other.days) { var merged = $0; merged.merge($1); return merged }
        dateOrders.merge(other.dateOrders, uniquingKeysWith: +)
        unreadableDates += other.unreadableDates
        values.merge(other.values) { var merged = $0; merged.merge($1); return merged }
    }
}

/// One value of a segment column (a region, a product): volume, scores and themes.
public struct SegmentCell: Codable, Hashable, Sendable {
    public var comments = 0
    public var negative = 0
    public var scores = ScoreHistogram()
    /// Top-level theme → comments mentioning it, and negative mentions.
    public var themes: [String: Int] = [:]
    public var themesNegative: [String: Int] = [:]
    /// "touchpoint|theme" → comments.
    public var touchpointThemes: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: SegmentCell) {
        comments += other.comments
        negative += other.negative
        scores.merge(other.scores)
        themes.merge(other.themes, uniquingKeysWith: +)
        themesNegative.merge(other.themesNegative, uniquingKeysWith: +)
        touchpointThemes.merge(other.touchpointThemes, uniquingKeysWith: +)
    }
}

/// One calendar day: volume, sentiment, scores and theme mentions, overall and per segment value.
public struct DayCell: Codable, Hashable, Sendable {
    public var comments = 0
    public var sentimentSum = 0
    public var scores = ScoreHistogram()
    public var themes: [String: Int] = [:]
    public var themesNegative: [String: Int] = [:]
    /// "column=value" → comments, and "column=value|theme" → comments mentioning the theme.
    public var segmentComments: [String: Int] = [:]
    public var segmentThemes: [String: Int] = [:]
    /// A few comments of the day per top-level theme (for "what changed" examples).
    public var exemplars: [String: BoundedSample<Exemplar>] = [:]

    public init() {}

    public mutating func merge(_ other: DayCell) {
        comments += other.comments
        sentimentSum += other.sentimentSum
        scores.merge(other.scores)
        themes.merge(other.themes, uniquingKeysWith: +)
        themesNegative.merge(other.themesNegative, uniquingKeysWith: +)
        segmentComments.merge(other.segmentComments, uniquingKeysWith: +)
        segmentThemes.merge(other.segmentThemes, uniquingKeysWith: +)
        exemplars.merge(other.exemplars) { var merged = $0; merged.merge($1); return merged }
    }
}

/// Respondents of one score group × value bucket, and their themes.
public struct ValueCell: Codable, Hashable, Sendable {
    public var respondents = 0
    public var themes: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: ValueCell) {
        respondents += other.respondents
        themes.merge(other.themes, uniquingKeysWith: +)
    }
}

/// One touch point's comments: volume, sentiment, scores, and per theme the same.
public struct TouchpointSummary: Codable, Hashable, Sendable {
    public var comments = 0
    public var labels: [String: Int] = [:]
    public var sentimentSum = 0
    public var scores = ScoreHistogram()
    /// By theme id — top-level ids and the leaf ids below them.
    public var themes: [String: ThemeCell] = [:]
    /// Comments that mention two top-level themes together, by "a|b" (a < b).
    public var pairs: [String: Int] = [:]
    /// Comments no theme matched, their terms, and a few of them.
    public var unmatched = 0
    public var unmatchedTerms: [String: Int] = [:]
    public var unmatchedExemplars = BoundedSample<Exemplar>(capacity: Summary.exemplarsPerCell * 2)

    public init() {}

    public mutating func merge(_ other: TouchpointSummary) {
        comments += other.comments
        labels.merge(other.labels, uniquingKeysWith: +)
        sentimentSum += other.sentimentSum
        scores.merge(other.scores)
        themes.merge(other.themes) { var merged = $0; merged.merge($1); return merged }
        pairs.merge(other.pairs, uniquingKeysWith: +)
        unmatched += other.unmatched
        unmatchedTerms.merge(other.unmatchedTerms, uniquingKeysWith: +)
        unmatchedExemplars.merge(other.unmatchedExemplars)
    }
}

/// One theme at one touch point.
public struct ThemeCell: Codable, Hashable, Sendable {
    public var mentions = 0
    /// Mentions by the sentiment of the clauses that mention the theme (±0.05 is neutral).
    public var positive = 0
    public var negative = 0
    public var neutral = 0
    /// Sum of the theme sentiments, in ten-thousandths.
    public var sentimentSum = 0
    /// Scores of the comments that mention it.
    public var scores = ScoreHistogram()
    /// The words the evidence was found on ("delivery", "leveringstiden").
    public var terms: [String: Int] = [:]
    public var exemplars = BoundedSample<Exemplar>(capacity: Summary.exemplarsPerCell)

    public init() {}

    public mutating func merge(_ other: ThemeCell) {
        mentions += other.mentions
        positive += other.positive
        negative += other.negative
        neutral += other.neutral
        sentimentSum += other.sentimentSum
        scores.merge(other.scores)
        terms.merge(other.terms, uniquingKeysWith: +)
        exemplars.merge(other.exemplars)
    }

    public var meanSentiment: Double { mentions == 0 ? 0 : Double(sentimentSum) / 10_000 / Double(mentions) }
}

/// A comment kept to show: its (masked) text, where the evidence is, and what it was tagged.
public struct Exemplar: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    /// Code-point ranges of the evidence, as [start, end] pairs.
    public var evidence: [[Int]]
    public var sentiment: Int
    public var score: String?
    public var themes: [String]
}

/// Counts of one flag.
public struct FlagCount: Codable, Hashable, Sendable {
    public var count = 0
    public var severity: String
    public var route: String

    public mutating func merge(_ other: FlagCount) {
        count += other.count
    }
}

/// A comment in the flagged-issue queue.
public struct FlaggedComment: Codable, Hashable, Sendable {
    public var id: String
    public var flag: String
    public var severity: String
    public var route: String
    public var touchpoint: String
    public var themes: [String]
    public var score: String?
    public var sentiment: Int
    public var evidence: [String]
    public var text: String
}
