/// Dates as survey exports write them, read into calendar days: ISO (`2026-10-03`, with or without a
/// time), `2026/10/03`, and day and month in either order with `/`, `.` or `-` (`03/10/2026`,
/// `3.10.2026`, `10/03/2026`). When day and month are both 12 or less the order cannot be told from
/// the date itself: such dates are kept as they are and resolved from the export as a whole (the
/// order the unambiguous dates use); when the export gives no evidence, they count as problems.
public enum SurveyDate: Hashable, Sendable {
    /// `yyyy-mm-dd`.
    case day(String)
    /// First number, second number, year: the order is the export's.
    case ambiguous(Int, Int, Int)

    /// Which order a date of the form a/b/yyyy shows, when it shows one.
    public enum Order: String, Codable, Sendable { case dayFirst = "day-first", monthFirst = "month-first" }

    /// The date in `text`, and the order it proves (nil when it proves none); nil when it is not a date.
    public static func parse(_ text: String) -> (date: SurveyDate, proves: Order?)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let datePart = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 {  // year first: always year, month, day
            guard valid(year: a, month: b, day: c) else { return nil }
            return (.day(key(a, b, c)), nil)
        }
        let year = parts[2].count == 2 ? 2000 + c : c
        guard parts[2].count == 4 || parts[2].count == 2 else { return nil }
        switch (a > 12, b > 12) {
        case (true, false): return valid(year: year, month: b, day: a) ? (.day(key(year, b, a)), .dayFirst) : nil
        case (false, true): return valid(year: year, month: a, day: b) ? (.day(key(year, a, b)), .monthFirst) : nil
        case (false, false):
            guard a >= 1, b >= 1 else { return nil }
            return a == b ? (.day(key(year, a, b)), nil) : (.ambiguous(a, b, year), nil)
        case (true, true): return nil
        }
    }

    /// The day of an ambiguous date read in `order`.
    public static func resolve(_ a: Int, _ b: Int, _ year: Int, order: Order) -> String {
        order == .dayFirst ? key(year, b, a) : key(year, a, b)
    }

    /// How an ambiguous date is kept in a summary until the export's order is known.
    public var storageKey: String {
        switch self {
        case .day(let day): day
        case .ambiguous(let a, let b, let year): "?\(a)/\(b)/\(year)"
        }
    }

    static func key(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func valid(year: Int, month: Int, day: Int) -> Bool {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let days = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
