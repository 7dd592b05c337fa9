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
        var json = JSONWriter(appendingTo: output)
        output = []
        defer { output = json.bytes }
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

/// A small JSON writer: fixed key order, shortest round-trip numbers, strings escaped per RFC 8259
/// (and U+2028/U+2029, for JavaScript). Builds UTF-8 bytes; runs that need no escaping are copied whole.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    /// One bit per open object or array, the innermost lowest: set once it holds a value (the
    /// next one needs a comma). The result schema nests four levels; 64 would fit.
    private var nonEmpty: UInt64 = 0

    /// A writer that appends to `bytes`.
    init(appendingTo bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        nonEmpty >>= 1
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        nonEmpty >>= 1
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func open() { nonEmpty <<= 1 }

    /// Starts an array element.
    mutating func element() {
        if nonEmpty & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
        nonEmpty |= 1
    }

    /// A key of the result schema: written as is (these names need no escaping).
    mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { append($0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A key taken from the input (a kept column's name, a problem code): escaped like a value.
    mutating func key(escaping key: String) {
        element()
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String?) {
        guard var value else {
            bytes += "null".utf8
            return
        }
        value.withUTF8 { string(utf8: $0) }
    }

    /// A string value from its UTF-8 bytes (valid UTF-8).
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let escape: String?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default: escape = nil
            }
            if var escape {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape.withUTF8 { append($0) }
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whole numbers without a fraction ("3", not "3.0"); others in Swift's shortest round-trip form.
    mutating func number(_ value: Double) {
        guard value == value.rounded() && abs(value) < 1e15 else {
            var text = value.description
            text.withUTF8 { append($0) }
            return
        }
        number(Int(value))
    }

    /// An integer's decimal digits.
    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var power: UInt = 1
        while power <= magnitude / 10 { power *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / power))
            magnitude %= power
            power /= 10
        } while power > 0
    }

    /// Appends `run`: short runs (keys, small values) byte by byte, cheaper than a bulk append's set-up.
    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard run.count > 16 else {
            for byte in run { bytes.append(byte) }
            return
        }
        bytes.append(contentsOf: run)
    }
}
