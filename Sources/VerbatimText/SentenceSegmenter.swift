/// Divides a tokenised comment into sentences and clauses. Starts from UAX #29 sentence boundaries
/// (line breaks included; ICU's, or the identical `LatinSentenceBreaker`'s when the text allows) and
/// adds what survey text needs:
/// - a full stop before a capitalised word ends a sentence even without a space ("fast.The");
/// - a full stop after a word ends a sentence before a lower-case word ("good service. slow app"),
///   unless the word is an abbreviation;
/// - an emoji or emoticon before a capitalised word ends a sentence ("Love it 😍 Driver was late");
/// - bullets ("•", "▪") start a sentence; list markers ("-", "*", "1.", "2)") at the start of a
///   line are left out of the sentence they introduce.
///
/// Owns an ICU handle: one instance per thread.
public final class SentenceSegmenter {
    private let breaker: BreakIterator
    private var latinBreaker = LatinSentenceBreaker()

    public init() throws(TextError) {
        breaker = try BreakIterator(.sentence, locale: "")
    }

    /// The sentences of `text`, whose tokens are `tokens`.
    public func sentences(of text: String, tokens: [Token], rules: ClauseRules) -> [Sentence] {
        sentences(of: UTF16Text(text), tokens: tokens, rules: rules)
    }

    func sentences(of text: UTF16Text, tokens: [Token], rules: ClauseRules) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let icuBoundaries = text.units.withUnsafeBufferPointer { latinBreaker.boundaries(of: $0) ?? breaker.segments(of: $0).boundaries }
        var starts = sentenceStarts(tokens: tokens, icuBoundaries: Array(icuBoundaries), rules: rules)
        starts.append(tokens.count)
        // UAX #29 ends a sentence after "1." in "1. Slow app": join a lone list marker to what it introduces.
        starts = starts.enumerated().filter { position, start in
            guard position > 0, start < tokens.count else { return true }
            return Self.firstContentToken(tokens, in: starts[position - 1]..<(start + 1)) != start
        }.map(\.element)
        var sentences: [Sentence] = []
        for (start, end) in zip(starts, starts.dropFirst()) where start < end {
            let first = Self.firstContentToken(tokens, in: start..<end)
            guard first < end else { continue }  // only list markers
            let tokenRange = first..<end
            let clauses = ClauseSegmenter(rules: rules).clauses(of: tokens, in: tokenRange)
            sentences.append(Sentence(
                range: tokens[first].range.lowerBound..<tokens[end - 1].range.upperBound,
                tokenRange: tokenRange, clauses: clauses))
        }
        return sentences
    }

    /// Token indices at which a sentence starts (the first is 0), increasing.
    private func sentenceStarts(tokens: [Token], icuBoundaries: [Int32], rules: ClauseRules) -> [Int] {
        var starts = [0]
        var boundaryIndex = 0
        for index in 1..<tokens.count {
            var isStart = false
            while boundaryIndex < icuBoundaries.count, Int(icuBoundaries[boundaryIndex]) <= tokens[index].utf16Range.lowerBound {
                if Int(icuBoundaries[boundaryIndex]) > tokens[index - 1].utf16Range.lowerBound { isStart = true }
                boundaryIndex += 1
            }
            if isStart || Self.startsSentence(at: index, tokens: tokens, rules: rules) {
                starts.append(index)
            }
        }
        return starts
    }

    /// The survey-text rules on top of UAX #29, for the token at `index` (> 0).
    private static func startsSentence(at index: Int, tokens: [Token], rules: ClauseRules) -> Bool {
        // Fields read in place (this runs for every token): copying a token retains its two strings.
        let kind = tokens[index].kind, previousKind = tokens[index - 1].kind
        // "•" is punctuation, "▪" "●" "■" are symbols: both kinds start a sentence as a bullet.
        if kind == .punctuation || kind == .symbol, bulletFilter.mayContain(tokens[index].normalized),
            bullets.contains(tokens[index].normalized)
        {
            return true
        }
        guard kind == .word else { return false }
        let startsUpper = tokens[index].caseShape == .capitalized || tokens[index].caseShape == .allCaps
        if previousKind == .emoji || previousKind == .emoticon {
            let hasTextBefore = (0..<(index - 1)).contains { tokens[$0].isWordLike }
            return startsUpper && hasTextBefore
        }
        guard previousKind == .punctuation, tokens[index - 1].normalized == "." || tokens[index - 1].normalized == "...",
            index >= 2, tokens[index - 2].kind == .word
        else { return false }
        let previous = tokens[index - 1].range, wordBefore = tokens[index - 2]
        if wordBefore.range.upperBound != previous.lowerBound { return false }  // "word ." spacing
        if rules.abbreviations.contains(wordBefore.normalized) { return false }
        if startsUpper { return wordBefore.normalized.unicodeScalars.count >= 2 }
        let spaced = previous.upperBound < tokens[index].range.lowerBound
        return spaced && wordBefore.normalized.unicodeScalars.count >= 3
    }

    /// The first token after leading list markers ("-", "*", "•", "1.", "2)").
    private static func firstContentToken(_ tokens: [Token], in range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.kind == .punctuation || token.kind == .symbol, listMarkers.contains(token.normalized) {
                index += 1
            } else if token.kind == .number, token.normalized.count <= 2, index + 1 < range.upperBound,
                tokens[index + 1].normalized == "." || tokens[index + 1].normalized == ")",
                index + 2 < range.upperBound
            {
                index += 2
            } else {
                break
            }
        }
        return index
    }

    private static let bullets: Set<String> = ["•", "▪", "◦", "●", "■", "►", "‣", "⁃"]
    /// Most punctuation is ruled out before `bullets` is hashed into (this runs for every punctuation token).
    private static let bulletFilter = WordSetFilter(bullets)
    private static let listMarkers: Set<String> = bullets.union(["-", "*", "–", "—", ">", "+", "·"])
}
