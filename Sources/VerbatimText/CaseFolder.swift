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
        if isASCII {
            guard hasUpper else { return original }
            return String(unsafeUninitializedCapacity: units.count) { bytes in
                for (index, unit) in units.enumerated() {
                    bytes[index] = UInt8(unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit)
                }
                return units.count
            }
        }
        return foldWithICU(units)
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
        for index in 0..<Int(length) where Self.apostrophes.contains(buffer[index]) {
            buffer[index] = 0x27
        }
        return buffer.withUnsafeBufferPointer { String(decoding: $0.prefix(Int(length)), as: UTF16.self) }
    }

    /// ’ ‘ ʼ ´ ` ′ → '
    private static let apostrophes: Set<UInt16> = [0x2019, 0x2018, 0x02BC, 0x00B4, 0x0060, 0x2032]
}
