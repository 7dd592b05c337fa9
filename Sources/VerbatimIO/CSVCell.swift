/// One CSV cell as written: quoted when it holds the delimiter, a quote or a line break, and —
/// with the formula guard on — neutralised when a spreadsheet would run it as a formula.
///
/// The guard follows OWASP's advice on CSV injection: a text cell starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading `'`, which Excel, LibreOffice and Google Sheets show
/// as text. Plain numbers ("-0.42") are left alone so that they stay numbers.
public enum CSVCell {
    public static func escaped(_ value: String, delimiter: UInt8 = UInt8(ascii: ","), formulaGuard: Bool = true) -> String {
        var value = value
        if formulaGuard, let first = value.utf8.first, Self.formulaStarts.contains(first), !isPlainNumber(value) {
            value = "'" + value
        }
        guard value.utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `-12`, `+3.5`, `-0.42`: a sign, digits and at most one decimal point.
    static func isPlainNumber(_ value: String) -> Bool {
        var digits = 0, points = 0
        for (offset, byte) in value.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if offset != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}
