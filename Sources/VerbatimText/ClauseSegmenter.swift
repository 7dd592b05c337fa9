/// Divides one sentence's tokens into clauses at contrast connectives and clause punctuation.
struct ClauseSegmenter {
    let rules: ClauseRules

    func clauses(of tokens: [Token], in range: Range<Int>) -> [Clause] {
        var clauses: [Clause] = []
        var start = range.lowerBound
        var opener = ClauseOpener.sentenceStart
        var openerToken: Int?
        if tokens[start].kind == .word, rules.isConnective(tokens[start].normalized) {
            opener = .connective
            openerToken = start
        }
        let lastWord = range.last(where: { tokens[$0].isWordLike })
        var index = start + 1
        while index < range.upperBound {
            if tokens[index].kind == .word, rules.isConnective(tokens[index].normalized), index != lastWord {
                // "However, …" at a clause start keeps its comma; a connective elsewhere opens a clause.
                close(&clauses, tokens: tokens, start: start, end: index, opener: opener, openerToken: openerToken)
                (start, opener, openerToken) = (index, .connective, index)
            } else if isClausePunctuation(index, tokens: tokens, clauseStart: start, openerToken: openerToken),
                index + 1 < range.upperBound
            {
                close(&clauses, tokens: tokens, start: start, end: index + 1, opener: opener, openerToken: openerToken)
                (start, opener, openerToken) = (index + 1, .punctuation, index)
            }
            index += 1
        }
        close(&clauses, tokens: tokens, start: start, end: range.upperBound, opener: opener, openerToken: openerToken)
        return clauses
    }

    private func close(
        _ clauses: inout [Clause], tokens: [Token], start: Int, end: Int, opener: ClauseOpener, openerToken: Int?
    ) {
        guard start < end else { return }
        let range = tokens[start].range.lowerBound..<tokens[end - 1].range.upperBound
        clauses.append(Clause(range: range, tokenRange: start..<end, opener: opener, openerToken: openerToken))
    }

    private func isClausePunctuation(_ index: Int, tokens: [Token], clauseStart: Int, openerToken: Int?) -> Bool {
        guard tokens[index].kind == .punctuation else { return false }
        let range = tokens[index].range
        switch tokens[index].normalized {
        case ";":
            return true
        case ",":
            // The comma right after an opening connective ("However, the app …") stays inside.
            return !(openerToken == clauseStart && index == clauseStart + 1)
        case ":":
            let between = index > 0 && index + 1 < tokens.count
                && tokens[index - 1].kind == .number && tokens[index + 1].kind == .number
            return !between
        case "-", "–", "—":
            let spacedBefore = index == 0 || tokens[index - 1].range.upperBound < range.lowerBound
            let spacedAfter = index + 1 >= tokens.count || range.upperBound < tokens[index + 1].range.lowerBound
            return spacedBefore && spacedAfter
        default:
            return false
        }
    }
}
