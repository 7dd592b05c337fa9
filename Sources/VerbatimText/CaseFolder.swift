import CICU

/// NFKC_Casefold through ICU, plus typographic apostrophes folded to `'`, so that "Can’t",
/// "CAN'T" and "can't" meet one lexicon key. ASCII takes a fast path that gives the same result.
/// Holds a scratch buffer: one instance per thread (owned by a `Tokenizer`).
final class CaseFolder {
    private var buffer = [UInt16](repeating: 0, count: 128)

    /// The folded form of `units`; `original` is the same text as a String, reused when
    /// folding changes nothing.
    func fold(_ units: UnsafeBufferPointer<UInt16>, original: String) -> String {
        var isASCII = true
        var hasUpper = false
        for unit in units {
            if unit >= 0x80 {
                isASCII = false
                break
            }
            if unit >= 0x41, unit <= 0x5A { hasUpper = true }
        }
        return isASCII ? Self.lowercasedASCII(units, original: original, hasUpper: hasUpper) : foldWithICU(units)
    }

    /// NFKC_Casefold of ASCII is lower-casing A–Z.
    static func lowercasedASCII(_ units: UnsafeBufferPointer<UInt16>, original: String, hasUpper: Bool) -> String {
        guard hasUpper else { return original }
        return String(unsafeUninitializedCapacity: units.count) { bytes in
            for index in 0..<units.count {
                let unit = units[index]
                bytes[index] = UInt8(truncatingIfNeeded: unit &- 0x41 < 26 ? unit + 0x20 : unit)
            }
            return units.count
        }
    }

    /// NFKC_Casefold of a whole string (for lexicon keys and tests).
    func fold(_ text: String) -> String {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { fold($0, original: text) }
    }

    private func foldWithICU(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var error: Int32 = 0
        var length = buffer.withUnsafeMutableBufferPointer {
            vt_nfkc_casefold(units.baseAddress, Int32(units.count), $0.baseAddress, Int32($0.count), &error)
        }
        if length > buffer.count {
            buffer = [UInt16](repeating: 0, count: Int(length) * 2)
            length = buffer.withUnsafeMutableBufferPointer {
                vt_nfkc_casefold(units.baseAddress, Int32(units.count), $0.baseAddress, Int32($0.count), &error)
            }
        }
        // Normalisation only fails on malformed input ICU cannot repair; keep the text as written.
        guard error <= 0, length >= 0 else { return String(decoding: units, as: UTF16.self) }
        return buffer.withUnsafeBufferPointer { Self.utf8String(fromFolded: UnsafeBufferPointer(rebasing: $0.prefix(Int(length)))) }
    }

    /// ’ ‘ ʼ ´ ` ′ → '
    @inline(__always)
    private static func isApostrophe(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x0060, 0x2032: true
        default: false
        }
    }

    /// Transcodes ICU's UTF-16 output to a String, folding apostrophes on the way. (Swift's own
    /// UTF-16 decoding path repairs and re-validates, and cost more than the normalisation.)
    private static func utf8String(fromFolded units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { bytes in
            var written = 0
            var index = 0
            while index < units.count {
                var scalar = UInt32(units[index])
                index += 1
                if isApostrophe(UInt16(scalar)) { scalar = 0x27 }
                if scalar & 0xFC00 == 0xD800, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((scalar & 0x3FF) << 10 | UInt32(units[index] & 0x3FF))
                    index += 1
                } else if scalar & 0xF800 == 0xD800 {
                    scalar = 0xFFFD  // a lone surrogate
                }
                switch scalar {
                case ..<0x80:
                    bytes[written] = UInt8(scalar)
                    written += 1
                case ..<0x800:
                    bytes[written] = UInt8(0xC0 | scalar >> 6)
                    bytes[written + 1] = UInt8(0x80 | scalar & 0x3F)
                    written += 2
                case ..<0x10000:
                    bytes[written] = UInt8(0xE0 | scalar >> 12)
                    bytes[written + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    bytes[written + 2] = UInt8(0x80 | scalar & 0x3F)
                    written += 3
                default:
                    // Four UTF-8 bytes for two UTF-16 units: the capacity of three per unit holds.
                    bytes[written] = UInt8(0xF0 | scalar >> 18)
                    bytes[written + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                    bytes[written + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    bytes[written + 3] = UInt8(0x80 | scalar & 0x3F)
                    written += 4
                }
            }
            return written
        }
    }
}
