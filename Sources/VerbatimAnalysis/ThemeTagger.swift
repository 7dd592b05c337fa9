import VerbatimLexicon
import VerbatimText

/// Tags a comment with the themes of the taxonomy: term matches through the compiled index
/// (no loop over every rule), exclusions, and PCRE2 patterns where their prefilter words occur.
/// Each theme carries its evidence and the sentiment of the clauses it is mentioned in.
public struct ThemeTagger: Sendable {
    let taxonomy: ThemeTaxonomy
    /// The terms of every language; payload: the theme's position.
    private let index: TermIndex
    /// Every theme's patterns, owned by the theme's position.
    private let patterns: PatternSelector
    /// Per term of `index`: whether it is a background term (`Theme.background`).
    private let isBackgroundTerm: [Bool]
    /// Per theme: the position of its top-level theme (its own when it is one).
    private let topLevelPosition: [Int]
    /// Per pattern of `patterns`: the positions of the themes whose mention cancels its matches
    /// (`PatternRule.yieldsTo`, a top-level id with its subthemes); empty for most.
    private let yieldsTo: [[Int]]

    /// Compiles the taxonomy's terms and patterns, interning their words in `vocabulary`.
    public init(_ taxonomy: ThemeTaxonomy, stemmers: [Language: Stemmer], vocabulary: inout InternTable) {
        self.taxonomy = taxonomy
        let sources = taxonomy.themes.enumerated().flatMap { position, theme in
            (theme.terms.map { ($0, false) } + theme.background.map { ($0, true) }).map { term, isBackground in
                (source: (term.term, term.language, position), isBackground: isBackground)
            }
        }
        index = TermIndex(sources.map(\.source), stemmers: stemmers, vocabulary: &vocabulary)
        isBackgroundTerm = sources.map(\.isBackground)
        let positions = Dictionary(taxonomy.themes.enumerated().map { ($1.id, $0) }) { first, _ in first }
        topLevelPosition = taxonomy.themes.indices.map { positions[taxonomy.themes[$0].topLevel] ?? $0 }
        patterns = PatternSelector(taxonomy.themes.enumerated().flatMap { position, theme in theme.patterns.map { (position, $0) } }, vocabulary: &vocabulary)
        yieldsTo = patterns.patterns.map { pattern in
            taxonomy.themes.indices.filter { position in
                let id = taxonomy.themes[position].id
                return pattern.rule.yieldsTo.contains { id == $0 || id.hasPrefix($0 + ".") }
            }
        }
    }

    /// The themes of `text` (`ids`: its words in the vocabulary the tagger was compiled with),
    /// each with its evidence and clause sentiment; the mentions set aside by the background and
    /// `yields_to` rules (for `verbatim explain`); and problems met (a pattern's match limit).
    public func tag(_ text: AnalyzedText, ids: TokenIDs, sentiment: SentimentAnalysis, languages: [Language])
        -> (themes: [ThemeHit], setAside: [SetAsideMention], problems: [String])
    {
        let termMatches = index.matches(in: text, ids: ids, languages: languages)
        var mentions: [Mention] = []
        mentions.reserveCapacity(termMatches.count + 4)
        for match in termMatches {
            mentions.append(Mention(theme: match.payload, tokenRange: match.tokenRange, rule: .term(match.termNumber)))
        }
        var problems: [String] = []
        let selection = patterns.selected(for: ids, in: text, languages: languages)
        for run in selection.runs {
            let position = patterns.patterns[run.number].owner
            let problem = patterns.forEachTokenRange(of: run, in: text, selection: selection) { range in
                mentions.append(Mention(theme: position, tokenRange: range, rule: .pattern(run.number)))
            }
            if let problem { problems.append("theme '\(taxonomy.themes[position].id)': \(problem)") }
        }
        var setAside: [SetAsideMention] = []
        dropYieldingMentions(from: &mentions, into: &setAside, text: text)
        dropBackgroundMentions(from: &mentions, into: &setAside, text: text)
        var hits = self.hits(of: mentions, in: text, sentiment: sentiment)
        if let fallback = taxonomy.fallback, !text.tokens.isEmpty,
            !hits.contains(where: { taxonomy.fallbackScope.contains($0.topLevel) })
        {
            hits.append(ThemeHit(id: fallback, sentiment: sentiment.score, evidence: []))
        }
        return (hits, setAside, problems)
    }

    /// One hit per theme mentioned: its mentions less those inside another of the same theme, in
    /// text order, with the mean score of the clauses they begin in. Works in scratch buffers (on
    /// the stack for a comment's few mentions): only the hits and their evidence are allocated.
    private func hits(of mentions: [Mention], in text: AnalyzedText, sentiment: SentimentAnalysis) -> [ThemeHit] {
        var hits: [ThemeHit] = []
        guard !mentions.isEmpty else { return hits }
        hits.reserveCapacity(8)
        withUnsafeTemporaryAllocation(of: UInt128.self, capacity: mentions.count) { order in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: mentions.count) { kept in
                // By theme; within a theme longest spans first, so that a span inside one already kept
                // ("waiting" in "Still waiting") adds nothing. Sorted as integer keys that end in the
                // mention's position: ties keep the order the mentions were found in.
                var order = order
                for index in mentions.indices { order[index] = UInt128(mentions[index].order) << 64 | UInt128(index) }
                order.sortFew()
                var start = 0
                while start < order.count {
                    let theme = mentions[Int(truncatingIfNeeded: order[start])].theme
                    var keptCount = 0
                    var end = start
                    while end < order.count, case let index = Int(truncatingIfNeeded: order[end]), mentions[index].theme == theme {
                        let range = mentions[index].tokenRange
                        if !kept[..<keptCount].contains(where: { mentions[$0].tokenRange.lowerBound <= range.lowerBound && mentions[$0].tokenRange.upperBound >= range.upperBound }) {
                            kept[keptCount] = index
                            keptCount += 1
                        }
                        end += 1
                    }
                    start = end
                    var themeMentions = UnsafeMutableBufferPointer(rebasing: kept[..<keptCount])
                    let byStart = { (one: Int, other: Int) in mentions[one].tokenRange.lowerBound < mentions[other].tokenRange.lowerBound }
                    themeMentions.sortFew(by: byStart)
                    var scoreSum = 0.0
                    var scored = 0
                    for index in themeMentions {
                        let first = mentions[index].tokenRange.lowerBound
                        if let clause = sentiment.clauses.first(where: { $0.tokenRange.contains(first) }) {
                            scoreSum += clause.score
                            scored += 1
                        }
                    }
                    let evidence = themeMentions.map { self.evidence(of: mentions[$0], in: text) }
                    let themeSentiment = scored == 0 ? 0 : scoreSum / Double(scored)
                    hits.append(ThemeHit(id: taxonomy.themes[theme].id, sentiment: (themeSentiment * 1000).rounded() / 1000, evidence: evidence))
                }
            }
        }
        return hits
    }

    /// Drops the matches of patterns that yield to a theme (`PatternRule.yieldsTo`) the comment
    /// mentions by another rule: "349 kr" in a comment about a bill is the bill's amount, not a price.
    private func dropYieldingMentions(from mentions: inout [Mention], into setAside: inout [SetAsideMention], text: AnalyzedText) {
        let yieldsTo = self.yieldsTo
        func targets(of mention: Mention) -> [Int] {
            guard case .pattern(let number) = mention.rule else { return [] }
            return yieldsTo[number]
        }
        guard mentions.contains(where: { !targets(of: $0).isEmpty }) else { return }
        let others = mentions.filter { targets(of: $0).isEmpty }
        self.setAside(from: &mentions, into: &setAside, as: .yielded, text: text) { mention in
            let themes = targets(of: mention)
            return !themes.isEmpty && others.contains { themes.contains($0.theme) }
        }
    }

    /// Drops the mentions by background terms when the comment mentions another top-level theme,
    /// and not their own, by a term or pattern: the order is then the starting point of a story
    /// about something else (corpora/README.md: "named only as the background"). A mention of the
    /// same theme over the same words as a background term's counts as background too ("order"
    /// matches "ordered" by its stem; the background term "ordered" says what that form means).
    private func dropBackgroundMentions(from mentions: inout [Mention], into setAside: inout [SetAsideMention], text: AnalyzedText) {
        let backgroundSpans = mentions.compactMap { mention -> (theme: Int, tokenRange: Range<Int>)? in
            guard case .term(let number) = mention.rule, isBackgroundTerm[number] else { return nil }
            return (mention.theme, mention.tokenRange)
        }
        guard !backgroundSpans.isEmpty else { return }
        func isBackground(_ mention: Mention) -> Bool {
            backgroundSpans.contains { $0.theme == mention.theme && $0.tokenRange == mention.tokenRange }
        }
        let foreground = Set(mentions.lazy.filter { !isBackground($0) }.map { topLevelPosition[$0.theme] })
        guard !foreground.isEmpty else { return }
        self.setAside(from: &mentions, into: &setAside, as: .background, text: text) { isBackground($0) && !foreground.contains(topLevelPosition[$0.theme]) }
    }

    /// Moves the mentions `isSetAside` picks from `mentions` to `setAside`, with their evidence:
    /// one per theme and span, by the background term when one matched there ("ordered", not
    /// "order", which matches it by stem).
    private func setAside(
        from mentions: inout [Mention], into setAside: inout [SetAsideMention], as reason: SetAsideMention.Reason, text: AnalyzedText,
        where isSetAside: (Mention) -> Bool
    ) {
        var chosen: [Mention] = []
        for mention in mentions where isSetAside(mention) {
            guard let same = chosen.firstIndex(where: { $0.theme == mention.theme && $0.tokenRange == mention.tokenRange }) else {
                chosen.append(mention)
                continue
            }
            if case .term(let number) = mention.rule, isBackgroundTerm[number] { chosen[same] = mention }
        }
        setAside += chosen.map { SetAsideMention(theme: taxonomy.themes[$0.theme].id, reason: reason, evidence: evidence(of: $0, in: text)) }
        mentions.removeAll(where: isSetAside)
    }

    /// A theme mention before deduplication: where, and which rule — resolved to its text and
    /// file:line only for the mentions kept.
    private struct Mention {
        enum Rule {
            case term(Int)
            case pattern(Int)
        }

        var theme: Int
        var tokenRange: Range<Int>
        var rule: Rule
        /// The order mentions are deduplicated in, packed in one integer (one comparison per
        /// step of the sort): by theme, longer spans first, then by position — 16 bits of theme
        /// position, 24 of span length and of token offset (a 10 MB comment has fewer than 2^24 tokens).
        var order: UInt64 {
            UInt64(theme) << 48 | UInt64(0xFF_FFFF - min(tokenRange.count, 0xFF_FFFF)) << 24 | UInt64(min(tokenRange.lowerBound, 0xFF_FFFF))
        }
    }

    private func evidence(of mention: Mention, in text: AnalyzedText) -> Evidence {
        switch mention.rule {
        case .term(let number): Evidence(tokenRange: mention.tokenRange, termOf: number, in: index, tokens: text.tokens)
        case .pattern(let number): Evidence(tokenRange: mention.tokenRange, pattern: patterns.patterns[number].rule, tokens: text.tokens)
        }
    }
}

/// A theme found in a comment.
public struct ThemeHit: Hashable, Sendable {
    public var id: String
    /// The mean score of the clauses that mention it (−1 … +1).
    public var sentiment: Double
    public var evidence: [Evidence]

    /// The top-level id ("delivery" for "delivery.time").
    public var topLevel: String {
        // Searched as bytes: `firstIndex(of:)` over Characters breaks graphemes, at 3,000 instructions an id.
        guard let dot = id.utf8.firstIndex(of: UInt8(ascii: ".")) else { return id }
        return String(id[..<dot])
    }

    /// Whether `themeID` is this hit's id or its top-level id, without building the top-level id.
    public func isNamed(byIDOrTopLevel themeID: String) -> Bool {
        let dot = UInt8(ascii: ".")
        if id == themeID { return true }
        let length = themeID.utf8.count
        return id.utf8.count > length && !themeID.utf8.contains(dot) && id.utf8.starts(with: themeID.utf8)
            && id.utf8[id.utf8.index(id.utf8.startIndex, offsetBy: length)] == dot
    }
}

/// A theme mention found and then set aside by a rule of the taxonomy: `verbatim explain` shows
/// it, so that a maintainer sees why a theme's word did not tag the comment.
public struct SetAsideMention: Hashable, Sendable {
    public enum Reason: String, Codable, Hashable, Sendable {
        /// A background term in a comment about other themes (`Theme.background`).
        case background
        /// A pattern's match in a comment with a theme it yields to (`PatternRule.yieldsTo`).
        case yielded
    }

    public var theme: String
    public var reason: Reason
    public var evidence: Evidence
}

/// Where a theme, touch point or flag was found: code-point offsets, the rule and its file:line.
public struct Evidence: Hashable, Sendable {
    public var tokenRange: Range<Int>
    public var range: Range<Int>
    public var rule: String
    public var origin: EntryOrigin
}

extension Evidence {
    /// The evidence of a match of a term of `index`.
    init(_ match: TermIndex.Match, of index: TermIndex, in text: AnalyzedText) {
        self.init(tokenRange: match.tokenRange, termOf: match.termNumber, in: index, tokens: text.tokens)
    }

    /// `tokenRange` as evidence of term `number` of `index`.
    init(tokenRange: Range<Int>, termOf number: Int, in index: TermIndex, tokens: [Token]) {
        let rule = index.rule(ofTerm: number)
        self.init(tokenRange: tokenRange, tokens: tokens, rule: rule.source, origin: rule.origin)
    }

    /// `tokenRange` as evidence of a pattern.
    init(tokenRange: Range<Int>, pattern: ThemeTaxonomy.PatternRule, tokens: [Token]) {
        self.init(tokenRange: tokenRange, tokens: tokens, rule: pattern.regex.pattern, origin: pattern.origin)
    }

    init(tokenRange: Range<Int>, tokens: [Token], rule: String, origin: EntryOrigin) {
        self.init(
            tokenRange: tokenRange, range: tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound,
            rule: rule, origin: origin)
    }
}
