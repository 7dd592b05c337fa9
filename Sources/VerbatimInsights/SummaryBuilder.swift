import Foundation
import VerbatimAnalysis
import VerbatimIO

/// Adds result rows to a `Summary`: what the batch runner's workers run per chunk. Holds the
/// personal-data masker (compiled patterns) next to the summary, which is plain data.
public struct SummaryBuilder: ChunkSummary {
    public struct Options: Sendable {
        /// Mask personal data in the texts kept (exemplars, the flagged queue).
        public var maskPersonalData: Bool { masker != nil }
        /// The masker, compiled once and shared by every chunk's builder.
        public let masker: PersonalDataMasker?
        /// The score question's type; nil: told from the scores.
        public var scoreType: ScoreType?
        /// Segment columns: their names and positions among the row's kept cells.
        public var segmentColumns: [(name: String, index: Int)]
        /// Positions among the kept cells of the date and the value (revenue, contract size) columns.
        public var dateColumn: Int?
        public var valueColumn: Int?

        public init(maskPersonalData: Bool = true, scoreType: ScoreType? = nil, segmentColumns: [(name: String, index: Int)] = [], dateColumn: Int? = nil, valueColumn: Int? = nil) {
            masker = maskPersonalData ? PersonalDataMasker() : nil
            self.scoreType = scoreType
            self.segmentColumns = segmentColumns
            self.dateColumn = dateColumn
            self.valueColumn = valueColumn
        }
    }

    public private(set) var summary = Summary()
    private let masker: PersonalDataMasker?
    private let extractor = TermExtractor()
    private let options: Options

    public init(_ options: Options) {
        self.options = options
        masker = options.masker
        summary.masked = options.maskPersonalData
        summary.scoreType = options.scoreType
    }

    public mutating func merge(_ other: SummaryBuilder) {
        summary.merge(other.summary)
    }

    public mutating func add(_ row: ResultRow) {
        summary.rows += 1
        for code in Set(row.allProblems.map(\.code)) { summary.problems[code, default: 0] += 1 }
        guard let analysis = row.analysis else { return }
        summary.classified += 1
        let id = row.id ?? "line \(row.line ?? 0)"
        let text = analysis.text.text
        let key = StableHash.fnv1a(id + "\u{1F}" + text)
        let label = analysis.sentiment.label.rawValue
        let sentiment = Int((analysis.sentiment.score * 10_000).rounded())
        let scoreKey = row.score.map(ScoreHistogram.key)
        summary.languages[analysis.text.language.language.code, default: 0] += 1
        summary.labels[label, default: 0] += 1
        summary.sentimentSum += sentiment
        if let score = row.score { summary.scores.add(score) }
        let terms = Set(extractor.terms(of: analysis.text))
        for term in terms { summary.corpusTerms.add(term) }
        summary.corpusTermCount += terms.count

        // Cells are taken out of their dictionaries while they change (and put back), so that their
        // own dictionaries are not copied on write.
        let touchpointKey = analysis.touchpoint.id ?? Summary.noTouchpoint
        var touchpoint = summary.touchpoints.removeValue(forKey: touchpointKey) ?? TouchpointSummary()
        touchpoint.comments += 1
        touchpoint.labels[label, default: 0] += 1
        touchpoint.sentimentSum += sentiment
        if let score = row.score { touchpoint.scores.add(score) }

        // Per theme: leaf ids as tagged, and each top-level id once (its sentiment the mean of its hits).
        var byTopLevel: [String: [ThemeHit]] = [:]
        var cells: [(id: String, hits: [ThemeHit])] = []
        for hit in analysis.themes {
            let top = hit.topLevel
            byTopLevel[top, default: []].append(hit)
            if hit.id != top { cells.append((hit.id, [hit])) }
        }
        cells += byTopLevel.map { ($0.key, $0.value) }
        let allThemes = analysis.themes.map(\.id)
        for (themeID, hits) in cells {
            var cell = touchpoint.themes.removeValue(forKey: themeID) ?? ThemeCell()
            let themeSentiment = hits.map(\.sentiment).reduce(0, +) / Double(hits.count)
            cell.mentions += 1
            if themeSentiment > 0.05 { cell.positive += 1 } else if themeSentiment < -0.05 { cell.negative += 1 } else { cell.neutral += 1 }
            cell.sentimentSum += Int((themeSentiment * 10_000).rounded())
            if let score = row.score { cell.scores.add(score) }
            let evidence = hits.flatMap(\.evidence)
            for item in evidence { cell.terms[analysis.text.tokens[item.tokenRange].map(\.normalized).joined(separator: " "), default: 0] += 1 }
            if cell.exemplars.accepts(key) {
                cell.exemplars.add(exemplar(id: id, text: text, evidence: evidence, sentiment: sentiment, score: scoreKey, themes: allThemes), key: key)
            }
            touchpoint.themes[themeID] = cell
        }
        let topLevels = byTopLevel.keys.sorted()
        for (index, first) in topLevels.enumerated() {
            for second in topLevels[(index + 1)...] { touchpoint.pairs[first + "|" + second, default: 0] += 1 }
        }
        if analysis.themes.isEmpty {
            touchpoint.unmatched += 1
            for term in terms { touchpoint.unmatchedTerms[term, default: 0] += 1 }
            if touchpoint.unmatchedExemplars.accepts(key) {
                touchpoint.unmatchedExemplars.add(exemplar(id: id, text: text, evidence: [], sentiment: sentiment, score: scoreKey, themes: []), key: key)
            }
        }
        summary.touchpoints[touchpointKey] = touchpoint
        addSegmentsDatesAndValues(row, analysis: analysis, touchpoint: touchpointKey, topLevels: topLevels, byTopLevel: byTopLevel, key: key, sentiment: sentiment)

        for flag in analysis.flags {
            summary.flags[flag.id, default: FlagCount(severity: flag.severity.rawValue, route: flag.route)].count += 1
            // Most severe first: the severity's rank in the key's top bits.
            let rank = UInt64(FlagSeverityOrder.rank(flag.severity.rawValue))
            let flagKey = rank << 60 | (StableHash.fnv1a(flag.id + "\u{1F}" + id + "\u{1F}" + text) >> 4)
            guard summary.flagged.accepts(flagKey) else { continue }
            summary.flagged.add(
                FlaggedComment(
                    id: id, flag: flag.id, severity: flag.severity.rawValue, route: flag.route, touchpoint: touchpointKey, themes: allThemes,
                    score: scoreKey, sentiment: sentiment, evidence: flag.evidence.map { masked(Self.slice(text, $0.range)) }, text: masked(text)),
                key: flagKey)
        }
    }

    private mutating func addSegmentsDatesAndValues(
        _ row: ResultRow, analysis: CommentAnalysis, touchpoint: String, topLevels: [String], byTopLevel: [String: [ThemeHit]], key: UInt64, sentiment: Int
    ) {
        func cell(_ index: Int?) -> String? {
            guard let index, index < row.kept.count else { return nil }
            let value = row.kept[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        let negativeThemes = topLevels.filter { theme in (byTopLevel[theme] ?? []).map(\.sentiment).reduce(0, +) < -0.05 }
        var segmentKeys: [String] = []
        for (name, index) in options.segmentColumns {
            let value = cell(index) ?? "(blank)"
            segmentKeys.append("\(name)=\(value)")
            var column = summary.segments.removeValue(forKey: name) ?? [:]
            let stored = Summary.segmentKey(value, in: column)
            var segment = column.removeValue(forKey: stored) ?? SegmentCell()
            segment.comments += 1
            if analysis.sentiment.label == .negative { segment.negative += 1 }
            if let score = row.score { segment.scores.add(score) }
            for theme in topLevels {
                segment.themes[theme, default: 0] += 1
                segment.touchpointThemes[touchpoint + "|" + theme, default: 0] += 1
            }
            for theme in negativeThemes { segment.themesNegative[theme, default: 0] += 1 }
            column[stored] = segment
            summary.segments[name] = column
        }
        if let raw = cell(options.dateColumn) {
            if let (date, proves) = SurveyDate.parse(raw) {
                if let proves { summary.dateOrders[proves.rawValue, default: 0] += 1 }
                var day = summary.days.removeValue(forKey: date.storageKey) ?? DayCell()
                day.comments += 1
                day.sentimentSum += sentiment
                if let score = row.score { day.scores.add(score) }
                for theme in topLevels {
                    day.themes[theme, default: 0] += 1
                    for segment in segmentKeys { day.segmentThemes[segment + "|" + theme, default: 0] += 1 }
                    var sample = day.exemplars.removeValue(forKey: theme) ?? BoundedSample<Exemplar>(capacity: 2)
                    if sample.accepts(key) {
                        let text = analysis.text.text
                        sample.add(exemplar(id: row.id ?? "line \(row.line ?? 0)", text: text, evidence: (byTopLevel[theme] ?? []).flatMap(\.evidence), sentiment: sentiment, score: row.score.map(ScoreHistogram.key), themes: analysis.themes.map(\.id)), key: key)
                    }
                    day.exemplars[theme] = sample
                }
                for theme in negativeThemes { day.themesNegative[theme, default: 0] += 1 }
                for segment in segmentKeys { day.segmentComments[segment, default: 0] += 1 }
                summary.days[date.storageKey] = day
            } else {
                summary.unreadableDates += 1
            }
        }
        if let raw = cell(options.valueColumn), let value = Double(raw.replacingOccurrences(of: ",", with: ".")), value >= 0, let score = row.score {
            // Score and value bucket: the quadrants are drawn at report time, when the score type and the
            // median value of the whole export are known.
            let key = "\(ScoreHistogram.key(score))|\(ValueBuckets.bucket(value))"
            var valueCell = summary.values.removeValue(forKey: key) ?? ValueCell()
            valueCell.respondents += 1
            for theme in topLevels { valueCell.themes[theme, default: 0] += 1 }
            summary.values[key] = valueCell
        }
    }

    private func masked(_ text: String) -> String {
        masker?.mask(text) ?? text
    }

    private func exemplar(id: String, text: String, evidence: [Evidence], sentiment: Int, score: String?, themes: [String]) -> Exemplar {
        let shown = masked(text)
        // Masking changes lengths: evidence offsets hold only when the text did not change.
        let ranges = shown == text ? evidence.map { [$0.range.lowerBound, $0.range.upperBound] } : []
        return Exemplar(id: id, text: shown, evidence: ranges, sentiment: sentiment, score: score, themes: themes)
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound, limitedBy: scalars.endIndex),
            let end = scalars.index(start, offsetBy: range.count, limitedBy: scalars.endIndex)
        else { return "" }
        return String(scalars[start..<end])
    }
}

/// Values (revenue, contract size) bucketed by powers of two, so that a median can be read from merged counts.
public enum ValueBuckets {
    /// The bucket's lower bound: 0, 1, 2, 4, 8, …
    public static func bucket(_ value: Double) -> Int {
        value < 1 ? 0 : 1 << Int(log2(value).rounded(.down))
    }
}

/// Flag severities from most to least urgent.
public enum FlagSeverityOrder {
    public static let order = ["critical", "high", "medium", "low"]

    public static func rank(_ severity: String) -> Int {
        order.firstIndex(of: severity) ?? order.count
    }
}
