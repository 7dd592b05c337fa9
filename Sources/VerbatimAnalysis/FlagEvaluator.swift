import VerbatimLexicon
import VerbatimText

/// Evaluates the flag rules on an analysed comment: which comments someone must act on.
public struct FlagEvaluator: Sendable {
    let rules: FlagRules
    /// The terms of every language.
    private let index: TermIndex
    /// The patterns of every pattern set, owned by the set's position.
    private let patterns: PatternSelector
    /// Each flag's condition as a hit shows it, written once (a hit on every fifth row wrote it
    /// at 7,000 instructions a time).
    private let conditions: [String]

    /// Compiles the rules' term and pattern sets, interning their words in `vocabulary`.
    public init(_ rules: FlagRules, stemmers: [Language: Stemmer], vocabulary: inout InternTable) {
        self.rules = rules
        index = TermIndex(
            rules.termSets.enumerated().flatMap { set, terms in terms.map { language, term in (term, language, set) } },
            stemmers: stemmers, vocabulary: &vocabulary)
        patterns = PatternSelector(rules.patternSets.enumerated().flatMap { set, rules in rules.map { (set, $0) } }, vocabulary: &vocabulary)
        conditions = rules.flags.map(\.condition.description)
    }

    /// What a condition is evaluated on.
    struct Facts {
        var themes: [ThemeHit]
        var sentiment: SentimentAnalysis
        var score: Double?
        /// The export's score type; nil: told from the score itself, else NPS.
        var scoreType: ScoreType?
        var touchpoint: String?
        var termEvidence: [Int: [Evidence]]
        var patternEvidence: [Int: [Evidence]]
    }

    public func evaluate(
        text: AnalyzedText, ids: TokenIDs, themes: [ThemeHit], sentiment: SentimentAnalysis, score: Double?, scoreType: ScoreType? = nil, touchpoint: String?, languages: [Language]
    ) -> (flags: [FlagHit], problems: [String]) {
        var termEvidence: [Int: [Evidence]] = [:]
        for match in index.matches(in: text, ids: ids, languages: languages) {
            termEvidence[match.payload, default: []].append(Evidence(match, of: index, in: text))
        }
        // Pattern sets, only where a required word occurs (as for themes).
        var patternEvidence: [Int: [Evidence]] = [:]
        var problems: [String] = []
        let selection = patterns.selected(for: ids, in: text, languages: languages)
        for run in selection.runs {
            let problem = patterns.forEachTokenRange(of: run, in: text, selection: selection) { range in
                let (set, pattern) = patterns.patterns[run.number]
                patternEvidence[set, default: []].append(Evidence(tokenRange: range, pattern: pattern, tokens: text.tokens))
            }
            if let problem { problems.append(problem) }
        }
        let facts = Facts(themes: themes, sentiment: sentiment, score: score, scoreType: scoreType, touchpoint: touchpoint, termEvidence: termEvidence, patternEvidence: patternEvidence)
        var flags: [FlagHit] = []
        // By index: a copy of each rule would retain its strings on every row.
        for index in rules.flags.indices {
            var evidence: [Evidence] = []
            guard holds(rules.flags[index].condition, facts, &evidence) else { continue }
            var seen: Set<Range<Int>> = []
            evidence = evidence.filter { seen.insert($0.range).inserted }.sorted { $0.range.lowerBound < $1.range.lowerBound }
            let flag = rules.flags[index]
            flags.append(FlagHit(id: flag.id, severity: flag.severity, route: flag.route, condition: conditions[index], origin: flag.origin, evidence: evidence))
        }
        return (flags, problems)
    }

    private func holds(_ condition: FlagRules.Condition, _ facts: Facts, _ evidence: inout [Evidence]) -> Bool {
        switch condition {
        case .terms(let set):
            guard let found = facts.termEvidence[set], !found.isEmpty else { return false }
            evidence += found
            return true
        case .patterns(let set):
            guard let found = facts.patternEvidence[set], !found.isEmpty else { return false }
            evidence += found
            return true
        case .themes(let ids):
            let matching = facts.themes.filter { hit in ids.contains { hit.isNamed(byIDOrTopLevel: $0) } }
            evidence += matching.flatMap(\.evidence)
            return !matching.isEmpty
        case .sentiment(let comparison):
            return comparison.holds(facts.sentiment.score)
        case .label(let label):
            return facts.sentiment.label.rawValue == label
        case .score(let comparison):
            return facts.score.map(comparison.holds) ?? false
        case .scoreGroup(let group):
            guard let score = facts.score else { return false }
            return (facts.scoreType ?? ScoreType.shown(by: score) ?? .nps).group(score) == group
        case .touchpoint(let id):
            return facts.touchpoint == id
        case .all(let parts):
            var collected: [Evidence] = []
            guard parts.allSatisfy({ holds($0, facts, &collected) }) else { return false }
            evidence += collected
            return true
        case .any(let parts):
            var any = false
            for part in parts where holds(part, facts, &evidence) { any = true }
            return any
        case .not(let part):
            var ignored: [Evidence] = []
            return !holds(part, facts, &ignored)
        }
    }
}

/// A flag raised on a comment.
public struct FlagHit: Hashable, Sendable {
    public var id: String
    public var severity: FlagRules.Severity
    public var route: String
    /// The rule's condition, readable ("all(score <= 6.0, sentiment <= -0.5)").
    public var condition: String
    public var origin: EntryOrigin
    public var evidence: [Evidence]
}
