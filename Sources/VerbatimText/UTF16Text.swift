/// A comment as UTF-16 code units, the form ICU works on, with the means to map UTF-16 offsets
/// back to Unicode scalar offsets (the offsets Verbatim reports) and UTF-8 offsets.
struct UTF16Text {
    let units: ContiguousArray<UInt16>
    let utf8: ContiguousArray<UInt8>

    init(_ text: String) {
        var utf8 = ContiguousArray<UInt8>()
        utf8.reserveCapacity(text.utf8.count)
        utf8.append(contentsOf: text.utf8)
        self.utf8 = utf8
        self.units = utf8.withUnsafeBufferPointer { bytes in
            // Never more UTF-16 units than UTF-8 bytes.
            ContiguousArray(unsafeUninitializedCapacity: bytes.count) { units, written in
                written = Self.transcode(bytes, into: units.baseAddress!)
            }
        }
    }

    /// UTF-8 → UTF-16. Swift strings hold valid UTF-8, so sequence lengths can be trusted;
    /// runs of ASCII take a fast path.
    private static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into units: UnsafeMutablePointer<UInt16>) -> Int {
        var index = 0
        var written = 0
        let count = bytes.count
        while index < count {
            let lead = UInt32(bytes[index])
            if lead < 0x80 {
                units[written] = UInt16(lead)
                written += 1
                index += 1
                continue
            }
            var scalar: UInt32
            if lead < 0xE0 {
                scalar = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0 {
                scalar = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                scalar = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                index += 4
            }
            if scalar >= 0x10000 {
                scalar -= 0x10000
                units[written] = UInt16(0xD800 + (scalar >> 10))
                units[written + 1] = UInt16(0xDC00 + (scalar & 0x3FF))
                written += 2
            } else {
                units[written] = UInt16(scalar)
                written += 1
            }
        }
        return written
    }
}

/// Walks a UTF-16 buffer forward, keeping the UTF-16, scalar and UTF-8 offsets of one position
/// in step. Boundaries arrive in increasing order, so the mapping costs one pass in all.
struct OffsetCursor {
    private(set) var utf16 = 0
    private(set) var scalar = 0
    private(set) var utf8 = 0

    @inline(__always)
    mutating func advance(to target: Int, in units: UnsafeBufferPointer<UInt16>) {
        while utf16 < target {
            let unit = units[utf16]
            if unit < 0x80 {
                utf8 += 1
                utf16 += 1
            } else if unit < 0x800 {
                utf8 += 2
                utf16 += 1
            } else if unit & 0xFC00 == 0xD800, utf16 + 1 < units.count, units[utf16 + 1] & 0xFC00 == 0xDC00 {
                utf8 += 4
                utf16 += 2
            } else {
                utf8 += 3
                utf16 += 1
            }
            scalar += 1
        }
    }
}
