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

    /// The row as one JSON line (fixed key order, so output bytes are stable).
    public var jsonLine: String { jsonLine(keptColumns: []) }

    /// The row as one JSON line, with the kept input columns under `columns` (named `names`).
    public func jsonLine(keptColumns names: [String]) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.key("id"); json.string(id)
        if let line, !problems.isEmpty { json.key("line"); json.number(Double(line)) }
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
            let scalars = Array(analysis.text.text.unicodeScalars)
            json.key("themes")
            json.beginArray()
            for theme in analysis.themes {
                json.element()
                json.beginObject()
                json.key("id"); json.string(theme.id)
                json.key("sentiment"); json.number(theme.sentiment)
                json.key("evidence"); writeEvidence(theme.evidence, scalars: scalars, into: &json)
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
                json.key("evidence"); writeEvidence(flag.evidence, scalars: scalars, into: &json)
                json.endObject()
            }
            json.endArray()
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
                json.key(name); json.string(value)
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
        return json.output
    }
}

private func writeEvidence(_ evidence: [Evidence], scalars: [Unicode.Scalar], into json: inout JSONWriter) {
    json.beginArray()
    for item in evidence {
        json.element()
        json.beginObject()
        json.key("start"); json.number(Double(item.range.lowerBound))
        json.key("end"); json.number(Double(item.range.upperBound))
        json.key("text"); json.string(String(String.UnicodeScalarView(scalars[item.range.clamped(to: 0..<scalars.count)])))
        json.endObject()
    }
    json.endArray()
}

/// A small JSON writer: fixed key order, shortest round-trip numbers, strings escaped per RFC 8259.
struct JSONWriter {
    private(set) var output = ""
    private var needsComma = [false]

    mutating func beginObject() {
        output += "{"
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    mutating func beginArray() {
        output += "["
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    /// Starts an array element.
    mutating func element() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    mutating func key(_ key: String) {
        element()
        string(key)
        output += ":"
    }

    mutating func string(_ value: String?) {
        guard let value else {
            output += "null"
            return
        }
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    output += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    mutating func number(_ value: Double) {
        output += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
