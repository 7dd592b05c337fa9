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
            let offsets = analysis.themes.isEmpty && analysis.flags.isEmpty ? nil : UTF8Offsets(analysis.text.text)
            json.key("themes")
            json.beginArray()
            for theme in analysis.themes {
                json.element()
                json.beginObject()
                json.key("id"); json.string(theme.id)
                json.key("sentiment"); json.number(theme.sentiment)
                json.key("evidence"); writeEvidence(theme.evidence, offsets: offsets!, into: &json)
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
                json.key("evidence"); writeEvidence(flag.evidence, offsets: offsets!, into: &json)
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
        return json.output
    }
}

private func writeEvidence(_ evidence: [Evidence], offsets: UTF8Offsets, into json: inout JSONWriter) {
    json.beginArray()
    for item in evidence {
        json.element()
        json.beginObject()
        json.key("start"); json.number(Double(item.range.lowerBound))
        json.key("end"); json.number(Double(item.range.upperBound))
        json.key("text"); offsets.withUTF8(item.range) { json.string(utf8: $0) }
        json.endObject()
    }
    json.endArray()
}

/// A comment's text sliced by code-point offsets (the evidence's), through a table of the UTF-8
/// offset of every code point.
private struct UTF8Offsets {
    private let utf8: [UInt8]
    private let starts: [Int]

    init(_ text: String) {
        utf8 = Array(text.utf8)
        var starts: [Int] = []
        starts.reserveCapacity(utf8.count + 1)
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(utf8.count)
        self.starts = starts
    }

    /// Calls `body` with the UTF-8 bytes of the code points in `range` (clamped to the text).
    func withUTF8<Result>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let clamped = range.clamped(to: 0..<(starts.count - 1))
        return utf8[starts[clamped.lowerBound]..<starts[clamped.upperBound]].withUnsafeBufferPointer(body)
    }
}

/// A small JSON writer: fixed key order, shortest round-trip numbers, strings escaped per RFC 8259
/// (and U+2028/U+2029, for JavaScript). Builds UTF-8 bytes; runs that need no escaping are copied whole.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = [false]

    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts an array element.
    mutating func element() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// A key of the result schema: written as is (these names need no escaping).
    mutating func key(_ key: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
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
            if let escape {
                bytes += utf8[runStart..<index]
                bytes += escape.utf8
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        bytes += utf8[runStart..<utf8.count]
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whole numbers without a fraction ("3", not "3.0"); others in Swift's shortest round-trip form.
    mutating func number(_ value: Double) {
        guard value == value.rounded() && abs(value) < 1e15 else {
            bytes += "\(value)".utf8
            return
        }
        var magnitude = Int64(value).magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits written last first into a small buffer, then copied in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            repeat {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }
}
