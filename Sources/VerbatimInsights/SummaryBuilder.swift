import VerbatimAnalysis
import VerbatimIO

/// Adds result rows to a `Summary`: what the batch runner's workers run per chunk. Holds the
/// personal-data masker (compiled patterns) next to the summary, which is plain data.
public struct SummaryBuilder: ChunkSummary {
    public struct Options: Sendable {
        /// Mask personal data in the texts kept (exemplars, the flagged queue).
        public var maskPersonalData: Bool

        public init(maskPersonalData: Bool = true) {
            self.maskPersonalData = maskPersonalData
        }
    }

    public private(set) var summary = Summary()
    private let masker: PersonalDataMasker?
    private let extractor = TermExtractor()

    public init(_ options: Options) {
        masker = options.maskPersonalData ? PersonalDataMasker() : nil
        summary.masked = options.maskPersonalData
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
        let terms = extractor.terms(of: analysis.text)
        for term in Set(terms) { summary.corpusTerms.add(term) }
        summary.corpusTermCount += Set(terms).count

        let touchpointKey = analysis.touchpoint.id ?? Summary.noTouchpoint
        var touchpoint = summary.touchpoints[touchpointKey] ?? TouchpointSummary()
        touchpoint.comments += 1
        touchpoint.labels[label, default: 0] += 1
        touchpoint.sentimentSum += sentiment
        if let score = row.score { touchpoint.scores.add(score) }

        // Per theme: leaf ids as tagged, and each top-level id once (its sentiment the mean of its hits).
        var byTopLevel: [String: [ThemeHit]] = [:]
        for hit in analysis.themes { byTopLevel[hit.topLevel, default: []].append(hit) }
        var cells: [(id: String, hits: [ThemeHit])] = byTopLevel.map { ($0.key, $0.value) }
        cells += analysis.themes.filter { $0.id != $0.topLevel }.map { ($0.id, [$0]) }
        let allThemes = analysis.themes.map(\.id)
        for (themeID, hits) in cells {
            var cell = touchpoint.themes[themeID] ?? ThemeCell()
            let themeSentiment = hits.map(\.sentiment).reduce(0, +) / Double(hits.count)
            cell.mentions += 1
            if themeSentiment > 0.05 { cell.positive += 1 } else if themeSentiment < -0.05 { cell.negative += 1 } else { cell.neutral += 1 }
            cell.sentimentSum += Int((themeSentiment * 10_000).rounded())
            if let score = row.score { cell.scores.add(score) }
            let evidence = hits.flatMap(\.evidence)
            for item in evidence { cell.terms[Self.slice(text, item.range).lowercased(), default: 0] += 1 }
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
            for term in Set(terms) { touchpoint.unmatchedTerms[term, default: 0] += 1 }
            if touchpoint.unmatchedExemplars.accepts(key) {
                touchpoint.unmatchedExemplars.add(exemplar(id: id, text: text, evidence: [], sentiment: sentiment, score: scoreKey, themes: []), key: key)
            }
        }
        summary.touchpoints[touchpointKey] = touchpoint

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

/// Flag severities from most to least urgent.
public enum FlagSeverityOrder {
    public static let order = ["critical", "high", "medium", "low"]

    public static func rank(_ severity: String) -> Int {
        order.firstIndex(of: severity) ?? order.count
    }
}
