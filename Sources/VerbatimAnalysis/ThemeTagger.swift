import VerbatimLexicon
import VerbatimText

/// Tags a comment with the themes of the taxonomy: term matches through the compiled index
/// (no loop over every rule), exclusions, and PCRE2 patterns where their prefilter words occur.
/// Each theme carries its evidence and the sentiment of the clauses it is mentioned in.
public struct ThemeTagger: Sendable {
    let taxonomy: ThemeTaxonomy
    /// Payload: the theme's position; exclusions are told apart by their term.
    private let indexes: [Language: TermIndex]
    /// Every theme's patterns, owned by the theme's position.
    private let patterns: PatternSelector

    public init(_ taxonomy: ThemeTaxonomy, stemmers: [Language: Stemmer]) {
        self.taxonomy = taxonomy
        var indexes: [Language: TermIndex] = [:]
        for (position, theme) in taxonomy.themes.enumerated() {
            for (language, term) in theme.terms {
                indexes[language, default: TermIndex()].add(term, payload: position, stemmer: stemmers[language])
            }
        }
        self.indexes = indexes
        patterns = PatternSelector(taxonomy.themes.enumerated().flatMap { position, theme in theme.patterns.map { (position, $0) } })
    }

    public func tag(_ text: AnalyzedText, sentiment: SentimentAnalysis, languages: [Language]) -> (themes: [ThemeHit], problems: [String]) {
        var evidence: [Int: [Evidence]] = [:]
        for language in languages {
            for match in indexes[language]?.matches(in: text) ?? [] {
                evidence[match.payload, default: []].append(Evidence(match, in: text))
            }
        }
        var problems: [String] = []
        var locator: TokenLocator?
        for (position, pattern) in patterns.selected(for: text) {
            let found = pattern.evidence(in: text, locator: &locator)
            evidence[position, default: []] += found.evidence
            if let problem = found.problem { problems.append("theme '\(taxonomy.themes[position].id)': \(problem)") }
        }
        var hits: [ThemeHit] = []
        for (position, found) in evidence.sorted(by: { $0.key < $1.key }) where !found.isEmpty {
            // Longest spans first; a span inside one already kept ("waiting" in "Still waiting") adds nothing.
            var unique: [Evidence] = []
            for item in found.sorted(by: { $0.tokenRange.count > $1.tokenRange.count || $0.tokenRange.count == $1.tokenRange.count && $0.tokenRange.lowerBound < $1.tokenRange.lowerBound })
            where !unique.contains(where: { $0.tokenRange.lowerBound <= item.tokenRange.lowerBound && $0.tokenRange.upperBound >= item.tokenRange.upperBound }) {
                unique.append(item)
            }
            unique.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
            let clauseScores = unique.compactMap { item in sentiment.clauses.first { $0.tokenRange.contains(item.tokenRange.lowerBound) }?.score }
            let themeSentiment = clauseScores.isEmpty ? 0 : clauseScores.reduce(0, +) / Double(clauseScores.count)
            hits.append(ThemeHit(
                id: taxonomy.themes[position].id,
                sentiment: (themeSentiment * 1000).rounded() / 1000,
                evidence: unique))
        }
        if let fallback = taxonomy.fallback, !text.tokens.isEmpty,
            !hits.contains(where: { taxonomy.fallbackScope.contains($0.topLevel) })
        {
            hits.append(ThemeHit(id: fallback, sentiment: sentiment.score, evidence: []))
        }
        return (hits, problems)
    }

}

/// A theme found in a comment.
public struct ThemeHit: Hashable, Sendable {
    public var id: String
    /// The mean score of the clauses that mention it (−1 … +1).
    public var sentiment: Double
    public var evidence: [Evidence]

    /// The top-level id ("delivery" for "delivery.time").
    public var topLevel: String { id.firstIndex(of: ".").map { String(id[..<$0]) } ?? id }
}

/// Where a theme, touch point or flag was found: code-point offsets, the rule and its file:line.
public struct Evidence: Hashable, Sendable {
    public var tokenRange: Range<Int>
    public var range: Range<Int>
    public var rule: String
    public var origin: EntryOrigin
}

extension Evidence {
    /// The evidence of a term match.
    init(_ match: TermIndex.Match, in text: AnalyzedText) {
        self.init(tokenRange: match.tokenRange, tokens: text.tokens, rule: match.term.source, origin: match.term.origin)
    }

    init(tokenRange: Range<Int>, tokens: [Token], rule: String, origin: EntryOrigin) {
        self.init(
            tokenRange: tokenRange, range: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound,
            rule: rule, origin: origin)
    }
}

extension ThemeTaxonomy.PatternRule {
    /// The pattern's matches in `text` as evidence, or the problem that stopped it (a match limit).
    /// `locator` is built on first need: most comments hold no pattern's words.
    func evidence(in text: AnalyzedText, locator: inout TokenLocator?) -> (evidence: [Evidence], problem: String?) {
        switch regex.matches(in: text.text) {
        case .matches(let ranges):
            guard !ranges.isEmpty else { return ([], nil) }
            if locator == nil { locator = TokenLocator(text) }
            let evidence = ranges.compactMap { range in
                locator!.tokens(coveringUTF8: range).map { Evidence(tokenRange: $0, tokens: text.tokens, rule: regex.pattern, origin: origin) }
            }
            return (evidence, nil)
        case .limitExceeded(let reason), .failed(let reason):
            return ([], "pattern \(origin) stopped: \(reason)")
        }
    }
}

/// Maps UTF-8 byte ranges (PCRE2's) to the tokens they cover.
struct TokenLocator {
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ text: AnalyzedText) {
        let scalars = Array(text.text.unicodeScalars)
        var utf8Offsets = [0]
        utf8Offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars { utf8Offsets.append(utf8Offsets.last! + UTF8.width(scalar)) }
        for token in text.tokens {
            starts.append(utf8Offsets[token.range.lowerBound])
            ends.append(utf8Offsets[token.range.upperBound])
        }
    }

    func tokens(coveringUTF8 range: Range<Int>) -> Range<Int>? {
        guard let first = ends.firstIndex(where: { $0 > range.lowerBound }),
            let last = starts.lastIndex(where: { $0 < max(range.upperBound, range.lowerBound + 1) }), first <= last
        else { return nil }
        return first..<(last + 1)
    }
}
