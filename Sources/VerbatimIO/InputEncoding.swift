/// The text encoding of an input file, told from its first bytes: a byte-order mark (UTF-8,
/// UTF-16 LE/BE — Excel's "Unicode text"), else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252 (what older Excel versions and Danish Windows machines write).
public enum InputEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"

    /// The encoding of a file that starts with `prefix`; `isWholeFile` says whether `prefix` is
    /// all of it (so a multi-byte sequence cut at its end is not held against UTF-8). Bytes that
    /// are not UTF-8 mean Windows-1252 unless valid multi-byte UTF-8 sequences outnumber them (a
    /// UTF-8 file with a few broken bytes is repaired row by row instead).
    public static func detect(_ prefix: some Collection<UInt8>, isWholeFile: Bool) -> InputEncoding {
        let head = Array(prefix.prefix(3))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8WithBOM }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        let counts = utf8Sequences(Array(prefix), allowTruncatedEnd: !isWholeFile)
        return counts.invalid > counts.validMultiByte ? .windows1252 : .utf8
    }

    /// The number of bytes of byte-order mark to skip.
    var byteOrderMarkLength: Int {
        switch self {
        case .utf8WithBOM: 3
        case .utf16LittleEndian, .utf16BigEndian: 2
        case .utf8, .windows1252: 0
        }
    }

    /// Counts the valid multi-byte UTF-8 sequences and the invalid bytes of `bytes`.
    static func utf8Sequences(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> (validMultiByte: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int, low: UInt8, high: UInt8
            switch byte {
            case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
            case 0xED: (length, low, high) = (3, 0x80, 0x9F)
            case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
            case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
            case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
            default:
                invalid += 1
                index += 1
                continue
            }
            if index + length > bytes.count && allowTruncatedEnd { break }
            var ok = index + length <= bytes.count
            if ok {
                for offset in 1..<length {
                    let continuation = bytes[index + offset]
                    let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                    if continuation < min || continuation > max { ok = false; break }
                }
            }
            if ok {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }
}
