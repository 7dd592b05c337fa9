import VerbatimAnalysis
import VerbatimText

/// One result row of `verbatim classify`, in the JSONL schema of design.md.
public struct ResultRow: Sendable {
    public var id: String?
    /// The input line, for rows with problems (so a bad row can be found).
    public var line: Int?
    public var analysis: CommentAnalysis?
    public var problems: [RowProblem]
    /// Values of the input columns passed through (`--keep-columns`).
    public var kept: [String]
    /// The row's survey score, when the export has a score column and the value is a number.
    public var score: Double?

    public init(id: String?, line: Int?, analysis: CommentAnalysis?, problems: [RowProblem], kept: [String] = []) {
        self.id = id
        self.line = line
        self.analysis = analysis
        self.problems = problems
        self.kept = kept
    }

    /// Every problem of the row: reading, sanitising and analysing it.
    public var allProblems: [RowProblem] {
        problems + (analysis?.problems ?? []).map { RowProblem(code: "pattern_stopped", message: $0) }
    }

    /// Appends the row as one JSON object (fixed key order, so output bytes are stable; no line
    /// end) to `output`, with the kept input columns under `columns` (named `names`). Bytes, not a
    /// String: the batch runner's chunks are bytes.
    func appendJSON(keptColumns names: [String], to output: inout [UInt8]) {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(id)
        if let line, !problems.isEmpty { json.key("line"); json.number(line) }
        if let analysis {
            let language = analysis.text.language
            json.key("language"); json.string(language.language.code)
            json.key("language_confidence"); json.number(language.confidence)
            json.key("touchpoint"); json.string(analysis.touchpoint.id)
            json.key("touchpoint_source"); json.string(analysis.touchpoint.source.rawValue)
            json.key("sentiment")
            json.beginObject()
            json.key("score"); json.number(analysis.sentiment.score)
            json.key("label"); json.string(analysis.sentiment.label.rawValue)
            json.endObject()
            // Evidence text is sliced from the comment's UTF-8 by its tokens' byte ranges.
            var text = analysis.text.text
            text.withUTF8 { utf8 in
                json.key("themes")
                json.beginArray()
                for theme in analysis.themes {
                    json.element()
                    json.beginObject()
                    json.key("id"); json.string(theme.id)
                    json.key("sentiment"); json.number(theme.sentiment)
                    json.key("evidence"); writeEvidence(theme.evidence, of: analysis.text.tokens, in: utf8, into: &json)
                    json.endObject()
                }
                json.endArray()
                json.key("flags")
                json.beginArray()
                for flag in analysis.flags {
                    json.element()
                    json.beginObject()
                    json.key("id"); json.string(flag.id)
                    json.key("severity"); json.string(flag.severity.rawValue)
                    json.key("route"); json.string(flag.route)
                    json.key("evidence"); writeEvidence(flag.evidence, of: analysis.text.tokens, in: utf8, into: &json)
                    json.endObject()
                }
                json.endArray()
            }
        } else {
            json.key("language"); json.string(nil)
            json.key("sentiment"); json.string(nil)
            json.key("themes"); json.beginArray(); json.endArray()
            json.key("flags"); json.beginArray(); json.endArray()
        }
        if !names.isEmpty {
            json.key("columns")
            json.beginObject()
            for (name, value) in zip(names, kept) {
                json.key(escaping: name); json.string(value)
            }
            json.endObject()
        }
        json.key("problems")
        json.beginArray()
        for problem in allProblems {
            json.element()
            json.beginObject()
            json.key("code"); json.string(problem.code)
            json.key("message"); json.string(problem.message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.append(to: &output)
    }
}

/// Evidence as `{"start", "end", "text"}` objects: code-point offsets, and the text sliced from
/// the comment's `utf8` by the byte ranges of the evidence's tokens.
private func writeEvidence(_ evidence: [Evidence], of tokens: [Token], in utf8: UnsafeBufferPointer<UInt8>, into json: inout JSONWriter) {
    json.beginArray()
    for item in evidence {
        json.element()
        json.beginObject()
        json.key("start"); json.number(item.range.lowerBound)
        json.key("end"); json.number(item.range.upperBound)
        let bytes = tokens[item.tokenRange.lowerBound].utf8Range.lowerBound..<tokens[item.tokenRange.upperBound - 1].utf8Range.upperBound
        json.key("text"); json.string(utf8: UnsafeBufferPointer(rebasing: utf8[bytes]))
        json.endObject()
    }
    json.endArray()
}

