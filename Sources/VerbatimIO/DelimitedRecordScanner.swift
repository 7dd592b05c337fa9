/// CSV and TSV records per RFC 4180, scanned from UTF-8 bytes: fields in double quotes may hold
/// the delimiter, doubled quotes and line breaks; CRLF, LF or CR line ends.
///
/// A malformed record never swallows the records after it. A quote that does not close, or a
/// closing quote followed by something other than a delimiter or a line end, makes the record
/// end at the end of its first line; so does a quoted line break when the record then has a
/// different number of fields from the header (an unclosed quote that happened to meet the next
/// quote further down). The record is kept, split plainly at the delimiter, with its problem.
public struct DelimitedRecordScanner: Sendable {
    /// One record: its fields, how many line breaks it spans, and what was wrong with it.
    public struct Record: Sendable, Hashable {
        public var fields: [String]
        /// Line breaks consumed, the record's own included (0 for a last line without one).
        public var lineBreaks: Int
        public var problem: String?
        /// Whether a field held bytes that are not UTF-8 (replaced by U+FFFD).
        public var repairedUTF8: Bool
        /// Whether the record is a blank line (no fields with content).
        public var isBlank: Bool { fields.count == 1 && fields[0].isEmpty && problem == nil }
    }

    public enum Outcome: Sendable {
        /// A record, and the offset just past it.
        case record(Record, end: Int)
        /// The record runs past the bytes given: call again with more (or with `isEnd`).
        case needsMoreInput
        /// No bytes left.
        case end
    }

    public let delimiter: UInt8
    /// The header's field count, once known: a multi-line record with another count is malformed.
    public var expectedFieldCount: Int?

    public init(delimiter: UInt8, expectedFieldCount: Int? = nil) {
        self.delimiter = delimiter
        self.expectedFieldCount = expectedFieldCount
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Picks `,`, `;` or tab from the first line: the one that occurs most outside quotes
    /// (Danish Excel writes `;`); `,` when none occurs.
    public static func sniffDelimiter(_ bytes: some Collection<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == quote { quoted.toggle() }
            if !quoted, byte == newline || byte == carriageReturn { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { $0.value < $1.value || $0.value == $1.value && $0.key == UInt8(ascii: ",") }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    /// Scans the record that starts at `start` in `bytes`; `isEnd` says no more bytes will come.
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isEnd: Bool) -> Outcome {
        guard start < bytes.count else { return .end }
        var fields: [String] = []
        var index = start
        var lineBreaks = 0
        var quotedLineBreak = false
        var repaired = false
        var scratch: [UInt8] = []
        fieldLoop: while true {
            if index < bytes.count, bytes[index] == Self.quote {
                index += 1
                scratch.removeAll(keepingCapacity: true)
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                            scratch.append(Self.quote)
                            index += 2
                            continue
                        }
                        if index + 1 >= bytes.count && !isEnd { return .needsMoreInput }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == Self.carriageReturn {
                        // A line break in a cell is kept as LF, whatever the file's line ends.
                        if index + 1 >= bytes.count && !isEnd { return .needsMoreInput }
                        if index + 1 < bytes.count, bytes[index + 1] == Self.newline { index += 1 }
                        quotedLineBreak = true
                        scratch.append(Self.newline)
                        index += 1
                        continue
                    }
                    if byte == Self.newline { quotedLineBreak = true }
                    scratch.append(byte)
                    index += 1
                }
                guard closed else {
                    return isEnd ? recovered(bytes, from: start, isEnd: isEnd, problem: "unclosed quote") : .needsMoreInput
                }
                if index < bytes.count, bytes[index] != delimiter, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn {
                    return recovered(bytes, from: start, isEnd: isEnd, problem: "text after a closing quote")
                }
                fields.append(Self.string(scratch.withUnsafeBufferPointer { $0[...] }, repaired: &repaired))
            } else {
                let fieldStart = index
                while index < bytes.count, bytes[index] != delimiter, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn {
                    index += 1
                }
                if index >= bytes.count && !isEnd { return .needsMoreInput }
                fields.append(Self.string(bytes[fieldStart..<index], repaired: &repaired))
            }
            guard index < bytes.count else { break fieldLoop }
            switch bytes[index] {
            case delimiter:
                index += 1
                if index >= bytes.count {
                    guard isEnd else { return .needsMoreInput }
                    fields.append("")
                    break fieldLoop
                }
            case Self.carriageReturn:
                if index + 1 >= bytes.count && !isEnd { return .needsMoreInput }
                index += index + 1 < bytes.count && bytes[index + 1] == Self.newline ? 2 : 1
                lineBreaks += 1
                break fieldLoop
            default:  // newline
                index += 1
                lineBreaks += 1
                break fieldLoop
            }
        }
        if quotedLineBreak, let expectedFieldCount, fields.count != expectedFieldCount {
            return recovered(bytes, from: start, isEnd: isEnd, problem: "unclosed quote")
        }
        if quotedLineBreak { lineBreaks = Self.lineBreaks(in: bytes, start..<index) }
        return .record(Record(fields: fields, lineBreaks: lineBreaks, problem: nil, repairedUTF8: repaired), end: index)
    }

    /// The malformed record starting at `start`, ended at the end of its first line and split
    /// plainly at the delimiter.
    private func recovered(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, isEnd: Bool, problem: String) -> Outcome {
        var index = start
        while index < bytes.count, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn { index += 1 }
        if index >= bytes.count && !isEnd { return .needsMoreInput }
        if index < bytes.count, bytes[index] == Self.carriageReturn, index + 1 >= bytes.count, !isEnd { return .needsMoreInput }
        var repaired = false
        let fields = bytes[start..<index].split(separator: delimiter, omittingEmptySubsequences: false).map { Self.string($0, repaired: &repaired) }
        var end = index
        var lineBreaks = 0
        if end < bytes.count {
            end += bytes[end] == Self.carriageReturn && end + 1 < bytes.count && bytes[end + 1] == Self.newline ? 2 : 1
            lineBreaks = 1
        }
        return .record(Record(fields: fields, lineBreaks: lineBreaks, problem: "\(problem); the row ends at the end of its line", repairedUTF8: repaired), end: end)
    }

    private static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for offset in range {
            if bytes[offset] == newline || bytes[offset] == carriageReturn && (offset + 1 >= range.upperBound || bytes[offset + 1] != newline) { count += 1 }
        }
        return count
    }

    /// The field's text; bytes that are not UTF-8 become U+FFFD and set `repaired`.
    static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, repaired: inout Bool) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        repaired = true
        return String(decoding: bytes, as: UTF8.self)
    }
}
