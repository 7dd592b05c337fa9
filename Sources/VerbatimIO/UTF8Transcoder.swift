/// Turns the bytes of an input, chunk by chunk, into UTF-8: drops a byte-order mark, converts
/// UTF-16 (keeping a surrogate pair or an odd byte cut by a chunk boundary for the next chunk)
/// and Windows-1252. UTF-8 passes through untouched: invalid sequences are repaired later, per
/// row, so that each row can report its own.
public struct UTF8Transcoder: Sendable {
    public let encoding: InputEncoding
    private var pending: [UInt8] = []
    private var skippedByteOrderMark = false
    private var highSurrogate: UInt16?

    public init(_ encoding: InputEncoding) {
        self.encoding = encoding
    }

    /// The UTF-8 bytes of `chunk`; `isLast` flushes what a cut sequence left behind.
    public mutating func transcode(_ chunk: [UInt8], isLast: Bool = false) -> [UInt8] {
        var bytes = chunk
        if !skippedByteOrderMark {
            bytes = pending + bytes
            pending = []
            guard bytes.count >= encoding.byteOrderMarkLength || isLast else {
                pending = bytes
                return []
            }
            bytes.removeFirst(min(encoding.byteOrderMarkLength, bytes.count))
            skippedByteOrderMark = true
        }
        switch encoding {
        case .utf8, .utf8WithBOM:
            return bytes
        case .windows1252:
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    output.append(byte)
                } else {
                    appendUTF8(Self.windows1252[Int(byte - 0x80)], to: &output)
                }
            }
            return output
        case .utf16LittleEndian, .utf16BigEndian:
            if !pending.isEmpty {
                bytes = pending + bytes
                pending = []
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index + 1 < bytes.count {
                let unit = encoding == .utf16LittleEndian
                    ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                index += 2
                if let high = highSurrogate {
                    highSurrogate = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        appendUTF8(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
                        continue
                    }
                    appendUTF8(0xFFFD, to: &output)
                }
                switch unit {
                case 0xD800...0xDBFF: highSurrogate = unit
                case 0xDC00...0xDFFF: appendUTF8(0xFFFD, to: &output)
                default: appendUTF8(UInt32(unit), to: &output)
                }
            }
            if index < bytes.count { pending = [bytes[index]] }
            if isLast {
                if highSurrogate != nil || !pending.isEmpty { appendUTF8(0xFFFD, to: &output) }
                highSurrogate = nil
                pending = []
            }
            return output
        }
    }

    private func appendUTF8(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Windows-1252 bytes 0x80–0xFF as code points (the five undefined bytes map to C1 controls,
    /// as the WHATWG encoding standard does).
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt32($0) }
}
