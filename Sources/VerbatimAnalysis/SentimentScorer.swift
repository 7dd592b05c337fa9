import Foundation
import VerbatimLexicon
import VerbatimText

/// Lexicon-and-rules sentiment, VADER's heuristics as named rules over Verbatim's tokens and
/// clauses, with every constant and word list in the lexicon files. Immutable: one scorer serves
/// every worker.
///
/// Per clause, each sentiment word (or phrase, longest match first) starts from its lexicon
/// valence, then: boosters/dampeners up to three words before it (fading), ALL CAPS and elongation
/// emphasis, negation (a negator within `negation_window` words before it, a clause negator
/// anywhere before it in the clause, or — where the language puts it there — a negator right
/// after it). A clause opened by a contrast word is weighted by its value and the clauses since the
/// last contrast by `contrast_before_weight`; a concession clause by its value. "!" adds emphasis in
/// the direction of the total, which is normalised to −1 … +1.
public struct SentimentScorer: Sendable {
    public let lexicons: [Language: CompiledSentimentLexicon]
    /// The vocabulary the lexicons were compiled into (for `score(_:)` without ids).
    private let vocabulary: InternTable

    public init(lexicons: [Language: CompiledSentimentLexicon], vocabulary: InternTable) {
        self.lexicons = lexicons
        self.vocabulary = vocabulary
    }

    /// The lexicons to consult for a comment, in `LanguageGuess.languagesToConsult` order.
    func order(for guess: LanguageGuess) -> [CompiledSentimentLexicon] {
        guess.languagesToConsult.compactMap { lexicons[$0] }
    }

    /// The sentiment of `text`, its words looked up here.
    public func score(_ text: AnalyzedText) -> SentimentAnalysis {
        score(text, ids: TokenIDs(text, in: vocabulary))
    }

    /// The sentiment of `text`; `ids`: its words in the shared vocabulary (`CompiledLexicons.ids(of:)`).
    public func score(_ text: AnalyzedText, ids: TokenIDs) -> SentimentAnalysis {
        let consulted = order(for: text.language)
        guard let primary = consulted.first else {
            return SentimentAnalysis(score: 0, label: .neutral, clauses: [], contributions: [], exclamationEmphasis: 0)
        }
        let settings = primary.settings
        let shouting = Self.isShouting(text.tokens)

        var contributions: [Contribution] = []
        var clauses: [ClauseSentiment] = []
        var weightedTotal = 0.0
        var sinceContrast: [Int] = []  // indices into `clauses` since the last contrast
        for sentence in text.sentences {
            // Negators and boosters reach across a comma ("Jeg synes ikke, det er godt") but not
            // past a contrast or concession word, which starts a new scope.
            var scopeStart = sentence.tokenRange.lowerBound
            for clause in sentence.clauses {
                if clause.opener == .connective { scopeStart = clause.tokenRange.lowerBound }
                let found = scoreClause(
                    clause.tokenRange, scopeStart: scopeStart, sentenceEnd: sentence.tokenRange.upperBound, text: text,
                    ids: ids, lexicons: consulted, settings: settings, shouting: shouting)
                contributions += found
                let sum = found.reduce(0) { $0 + $1.valence }
                var weight = 1.0
                if clause.opener == .connective, let opener = clause.openerToken, let modifier = Self.modifier(ids.words[opener], in: consulted) {
                    if modifier.kind == .contrast {
                        weight = modifier.value
                        for earlier in sinceContrast { clauses[earlier].weight *= settings.contrastBeforeWeight }
                        sinceContrast.removeAll()
                    } else if modifier.kind == .concession {
                        weight = modifier.value
                    }
                }
                sinceContrast.append(clauses.count)
                clauses.append(ClauseSentiment(range: clause.range, tokenRange: clause.tokenRange, sum: sum, weight: weight, score: Self.normalize(sum, alpha: settings.normalizationAlpha)))
            }
        }
        for clause in clauses { weightedTotal += clause.sum * clause.weight }

        var emphasis = 0.0
        if weightedTotal != 0 {
            var marks = 0, questions = 0
            for index in text.tokens.indices where text.tokens[index].kind == .punctuation {
                marks += text.tokens[index].exclamationCount
                questions += text.tokens[index].questionCount
            }
            var points = min(Double(marks), settings.exclamationMax) * settings.exclamationStep
            if questions > 1 {
                points += Double(questions) <= settings.questionMax ? Double(questions) * settings.questionStep : settings.questionCap
            }
            emphasis = weightedTotal > 0 ? points : -points
        }
        let score = Self.normalize(weightedTotal + emphasis, alpha: settings.normalizationAlpha)
        return SentimentAnalysis(
            score: (score * 10_000).rounded() / 10_000, label: label(score, clauses: clauses, settings: settings),
            clauses: clauses, contributions: contributions, exclamationEmphasis: emphasis)
    }

    /// Whether the whole comment is written in capitals (then capitals are not emphasis): it has
    /// cased words, and every one is all caps or a single letter. Fields are read in place: copying
    /// a token retains its two strings.
    private static func isShouting(_ tokens: [Token]) -> Bool {
        var hasCasedWord = false
        for index in tokens.indices where tokens[index].kind == .word && tokens[index].caseShape != .uncased {
            guard tokens[index].caseShape == .allCaps || tokens[index].normalized.count < 2 else { return false }
            hasCasedWord = true
        }
        return hasCasedWord
    }

    static func normalize(_ sum: Double, alpha: Double) -> Double {
        sum == 0 ? 0 : sum / (sum * sum + alpha).squareRoot()
    }

    private func label(_ score: Double, clauses: [ClauseSentiment], settings: SentimentSettings) -> SentimentLabel {
        let strongest = clauses.map(\.score).max() ?? 0
        let weakest = clauses.map(\.score).min() ?? 0
        if strongest >= settings.mixedClauseThreshold && weakest <= -settings.mixedClauseThreshold { return .mixed }
        if score > settings.neutralBand { return .positive }
        if score < -settings.neutralBand { return .negative }
        return .neutral
    }

    /// A sentiment word or phrase found in a clause, before rules.
    private struct Hit {
        var tokenRange: Range<Int>
        var entry: SentimentEntry
        var match: CompiledSentimentLexicon.Match
    }

    /// A modifier found in a clause.
    private struct ModifierHit {
        var tokenRange: Range<Int>
        var modifier: Modifier
    }

    private func scoreClause(
        _ range: Range<Int>, scopeStart: Int, sentenceEnd: Int, text: AnalyzedText, ids: TokenIDs,
        lexicons: [CompiledSentimentLexicon], settings: SentimentSettings, shouting: Bool
    ) -> [Contribution] {
        // 1. What each position holds, from the scope's start: a phrase (longest first; it may run
        // on past a comma to the end of the sentence, "great, another"), a modifier, or a sentiment
        // word. Sentiment counts only inside the clause; modifiers before it may still reach it.
        var hits: [Hit] = []
        var modifiers: [ModifierHit] = []
        var index = scopeStart
        let phraseEnd = max(range.upperBound, sentenceEnd)
        while index < range.upperBound {
            // Fields read in place: copying a token retains its two strings.
            let kind = text.tokens[index].kind
            if let phrase = Self.longestPhrase(ids.words, from: index, end: phraseEnd, in: lexicons) {
                let covered = index..<(index + phrase.length)
                switch phrase.value {
                case .sentiment(let entry): hits.append(Hit(tokenRange: covered, entry: entry, match: .phrase))
                case .modifier(let modifier): modifiers.append(ModifierHit(tokenRange: covered, modifier: modifier))
                }
                index += phrase.length
                continue
            }
            if kind == .word || kind == .number || kind == .emoji || kind == .emoticon || kind == .punctuation {
                let modifier = Self.modifier(ids.words[index], in: lexicons)
                // A contrast or concession word is a modifier only where it opens a clause:
                // "skønt" is "although" there and "lovely" in "Det er skønt".
                let opensClause = index == range.lowerBound
                if let modifier, !(modifier.kind == .contrast || modifier.kind == .concession) || opensClause {
                    modifiers.append(ModifierHit(tokenRange: index..<(index + 1), modifier: modifier))
                } else if let found = Self.entry(at: index, of: text, ids: ids, in: lexicons)
                    ?? (text.tokens[index].isElongated ? elongatedEntry(text.tokens[index], lexicons: lexicons) : nil)
                {
                    hits.append(Hit(tokenRange: index..<(index + 1), entry: found.entry, match: found.match))
                }
            }
            index += 1
        }

        // A negator, booster or dampener with a valence of its own keeps it when it modifies
        // nothing: no sentiment word follows within its reach ("No and no.", "Maden var super").
        for number in modifiers.indices where modifiers[number].tokenRange.count == 1 && modifiers[number].tokenRange.lowerBound >= range.lowerBound {
            let modifier = modifiers[number]
            let reach: Int
            switch modifier.modifier.kind {
            case .negator: reach = modifier.modifier.window ?? Int(settings.negationWindow)
            case .booster, .dampener: reach = 3
            case .clauseNegator, .contrast, .concession: continue
            }
            let modifiesSomething = hits.contains { hit in
                hit.tokenRange.lowerBound >= modifier.tokenRange.upperBound && Self.isNegatable(text.tokens[hit.tokenRange.lowerBound].kind)
                    && wordDistance(from: modifier.tokenRange.upperBound, to: hit.tokenRange.lowerBound, text: text) < reach
            }
            let index = modifier.tokenRange.lowerBound
            guard !modifiesSomething else { continue }
            if let found = Self.entry(text.tokens[index].normalized, in: lexicons) {
                hits.append(Hit(tokenRange: modifier.tokenRange, entry: found.entry, match: found.match))
            } else if modifier.modifier.kind == .negator, settings.bareNegationValence != 0 {
                let entry = SentimentEntry(term: modifier.modifier.term, valence: settings.bareNegationValence, origin: modifier.modifier.origin)
                hits.append(Hit(tokenRange: modifier.tokenRange, entry: entry, match: .bareNegation))
            }
        }
        hits.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }

        // Hits before the clause belong to earlier clauses; their modifiers stay.
        hits.removeAll { $0.tokenRange.lowerBound < range.lowerBound }

        // 2. The rules, per sentiment hit.
        let negators = modifiers.filter { $0.modifier.kind == .negator || $0.modifier.kind == .clauseNegator }
        return hits.enumerated().map { position, hit in
            var valence = hit.entry.valence
            var rules: [AppliedRule] = []
            let start = hit.tokenRange.lowerBound
            // Emoji and emoticons are the writer's own feeling: no word before them changes it.
            guard Self.isNegatable(text.tokens[start].kind) else {
                return Contribution(tokenRange: hit.tokenRange, entry: hit.entry, match: hit.match, base: hit.entry.valence, valence: valence, rules: [])
            }
            // Boosters and dampeners: up to three words back, fading with distance.
            // By index: a modifier is copied (its strings retained) only when it applies.
            for number in modifiers.indices where modifiers[number].modifier.kind == .booster || modifiers[number].modifier.kind == .dampener {
                let tokenRange = modifiers[number].tokenRange
                let distance = wordDistance(from: tokenRange.upperBound, to: start, text: text)
                guard tokenRange.upperBound <= start, distance < 3 else { continue }
                let modifier = modifiers[number].modifier
                let step = modifier.value * pow(settings.boosterDecay, Double(distance))
                valence += valence > 0 ? step : -step
                rules.append(AppliedRule(kind: modifier.kind == .booster ? .booster : .dampener, tokenIndex: tokenRange.lowerBound, modifier: modifier, valence: valence))
            }
            if text.tokens[start].caseShape == .allCaps, !shouting, hit.tokenRange.count == 1 {
                valence += valence > 0 ? settings.capsBoost : -settings.capsBoost
                rules.append(AppliedRule(kind: .caps, tokenIndex: nil, modifier: nil, valence: valence))
            }
            if text.tokens[start].isElongated {
                valence += valence > 0 ? settings.elongationBoost : -settings.elongationBoost
                rules.append(AppliedRule(kind: .elongation, tokenIndex: nil, modifier: nil, valence: valence))
            }
            // Negation before: the nearest negator within the window, or a clause negator anywhere before.
            if let negator = negators.last(where: { negator in
                guard negator.tokenRange.upperBound <= start, negator.tokenRange != hit.tokenRange else { return false }
                if negator.modifier.kind == .clauseNegator { return true }
                return wordDistance(from: negator.tokenRange.upperBound, to: start, text: text) < (negator.modifier.window ?? Int(settings.negationWindow))
            }) {
                valence *= negator.modifier.value
                rules.append(AppliedRule(kind: negator.modifier.kind == .clauseNegator ? .clauseNegation : .negation, tokenIndex: negator.tokenRange.lowerBound, modifier: negator.modifier, valence: valence))
            } else if settings.negationAfter > 0, !negators.contains(where: { $0.tokenRange == hit.tokenRange }),
                let negator = negators.first(where: { negator in
                    negator.tokenRange.lowerBound >= hit.tokenRange.upperBound
                        && wordDistance(from: hit.tokenRange.upperBound, to: negator.tokenRange.lowerBound, text: text) < Int(settings.negationAfter)
                }),
                !hits[(position + 1)...].contains(where: { later in
                    later.tokenRange.lowerBound >= negator.tokenRange.upperBound
                        && wordDistance(from: negator.tokenRange.upperBound, to: later.tokenRange.lowerBound, text: text) < Int(settings.negationWindow)
                })
            {
                valence *= negator.modifier.value
                rules.append(AppliedRule(kind: .negationAfter, tokenIndex: negator.tokenRange.lowerBound, modifier: negator.modifier, valence: valence))
            }
            return Contribution(tokenRange: hit.tokenRange, entry: hit.entry, match: hit.match, base: hit.entry.valence, valence: valence, rules: rules)
        }
    }

    /// An elongated word ("slowww", "godttt") not found as written, looked up with its letter
    /// runs written twice ("sloww", "good") and then once ("slow", "godt").
    private func elongatedEntry(_ token: Token, lexicons: [CompiledSentimentLexicon]) -> (entry: SentimentEntry, match: CompiledSentimentLexicon.Match)? {
        guard token.isElongated else { return nil }
        for keep in [2, 1] {
            var collapsed = ""
            var previous: Character?
            var run = 0
            for character in token.normalized {
                run = character == previous ? run + 1 : 1
                previous = character
                if run <= keep { collapsed.append(character) }
            }
            if let found = Self.entry(collapsed, in: lexicons) { return found }
        }
        return nil
    }

    // Lookups in the consulted lexicons, first found wins. Loops over indices rather than
    // closures over the elements: an element handed to a closure is a copy of the whole lexicon.

    private static func modifier(_ id: Int32, in lexicons: [CompiledSentimentLexicon]) -> Modifier? {
        for index in lexicons.indices {
            if let modifier = lexicons[index].modifier(id: id) { return modifier }
        }
        return nil
    }

    private static func entry(at token: Int, of text: AnalyzedText, ids: TokenIDs, in lexicons: [CompiledSentimentLexicon])
        -> (entry: SentimentEntry, match: CompiledSentimentLexicon.Match)?
    {
        for index in lexicons.indices {
            if let found = lexicons[index].entry(at: token, of: text, ids: ids, useStem: lexicons[index].settings.stemLookup > 0) { return found }
        }
        return nil
    }

    /// An entry by string (no stem or compound): a modifier's own valence, or an elongated word
    /// collapsed to a form the comment does not contain.
    private static func entry(_ word: String, in lexicons: [CompiledSentimentLexicon]) -> (entry: SentimentEntry, match: CompiledSentimentLexicon.Match)? {
        for index in lexicons.indices {
            if let found = lexicons[index].entry(word: word, stem: nil, compound: nil) { return found }
        }
        return nil
    }

    private static func longestPhrase(_ tokens: [Int32], from start: Int, end: Int, in lexicons: [CompiledSentimentLexicon])
        -> (length: Int, value: CompiledSentimentLexicon.PhraseValue)?
    {
        for index in lexicons.indices {
            if let phrase = lexicons[index].longestPhrase(in: tokens, from: start, end: end) { return phrase }
        }
        return nil
    }

    /// Words and numbers take modifiers; emoji and emoticons do not.
    static func isNegatable(_ kind: TokenKind) -> Bool {
        kind != .emoji && kind != .emoticon
    }

    /// Words (not punctuation) between two token positions.
    private func wordDistance(from start: Int, to end: Int, text: AnalyzedText) -> Int {
        guard start < end else { return 0 }
        return (start..<end).count { text.tokens[$0].kind != .punctuation && text.tokens[$0].kind != .symbol }
    }
}
