/// Finds quantities among a comment's tokens: a number with a unit word after it ("3 days",
/// "2 uger", "3dage"), a currency or percent sign, or a rating ("10/10", "4 out of 5", "4 ud af 5").
public struct QuantityDetector: Sendable {
    public init() {}

    public func quantities(in tokens: [Token]) -> [Quantity] {
        var found: [Quantity] = []
        var index = 0
        while index < tokens.count {
            if let quantity = quantity(at: index, in: tokens) {
                found.append(quantity)
                index = quantity.tokenRange.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    private func quantity(at index: Int, in tokens: [Token]) -> Quantity? {
        let token = tokens[index]
        // "$20", "€ 15"
        if token.kind == .symbol, let unit = Self.units[token.normalized], index + 1 < tokens.count,
            tokens[index + 1].kind == .number, let value = Self.number(tokens[index + 1].normalized)
        {
            return make(value, unit, nil, tokens, index..<(index + 2))
        }
        // "3days", "2uger": ICU keeps digits and letters together.
        if token.kind == .word, let (value, unit) = Self.numberWithUnitSuffix(token.normalized) {
            return make(value, unit, nil, tokens, index..<(index + 1))
        }
        guard token.kind == .number, let value = Self.number(token.normalized) else { return nil }
        // "10/10", "8 / 10"
        if index + 2 < tokens.count, tokens[index + 1].normalized == "/", tokens[index + 2].kind == .number,
            let scale = Self.number(tokens[index + 2].normalized), scale > 0, value <= scale
        {
            return make(value, .rating, scale, tokens, index..<(index + 3))
        }
        // "4 out of 5", "4 ud af 5"
        if index + 3 < tokens.count, tokens[index + 3].kind == .number,
            Self.outOfPhrases.contains([tokens[index + 1].normalized, tokens[index + 2].normalized]),
            let scale = Self.number(tokens[index + 3].normalized), scale > 0, value <= scale
        {
            return make(value, .rating, scale, tokens, index..<(index + 4))
        }
        if index + 1 < tokens.count, let unit = Self.units[tokens[index + 1].normalized] {
            return make(value, unit, nil, tokens, index..<(index + 2))
        }
        return make(value, nil, nil, tokens, index..<(index + 1))
    }

    private func make(
        _ value: Double, _ unit: QuantityUnit?, _ outOf: Double?, _ tokens: [Token], _ tokenRange: Range<Int>
    ) -> Quantity {
        let range = tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound
        return Quantity(value: value, unit: unit, outOf: outOf, range: range, tokenRange: tokenRange)
    }

    /// Parses "10", "2,5", "1.5", "1.500", "2,500,000" — a separator followed by exactly three
    /// digits groups thousands; otherwise it is the decimal mark (Danish "," and English ".").
    static func number(_ text: String) -> Double? {
        let separators = text.unicodeScalars.filter { $0 == "." || $0 == "," }
        guard text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "," }),
            text.unicodeScalars.first.map({ ("0"..."9").contains($0) }) == true
        else { return nil }
        if separators.isEmpty { return Double(text) }
        let groups = text.split(whereSeparator: { $0 == "." || $0 == "," })
        let isGrouping = Set(separators).count == 1 && groups.dropFirst().allSatisfy { $0.count == 3 }
            && (separators.count > 1 || groups[0].count <= 3)
        if isGrouping { return Double(groups.joined()) }
        // The last separator is the decimal mark; earlier ones group thousands.
        guard let last = text.lastIndex(where: { $0 == "." || $0 == "," }) else { return nil }
        let integer = text[..<last].filter { $0 != "." && $0 != "," }
        return Double(integer + "." + text[text.index(after: last)...])
    }

    static func numberWithUnitSuffix(_ text: String) -> (Double, QuantityUnit)? {
        guard let firstLetter = text.firstIndex(where: { $0.isLetter }), firstLetter != text.startIndex,
            let value = number(String(text[..<firstLetter])), let unit = units[String(text[firstLetter...])]
        else { return nil }
        return (value, unit)
    }

    private static let outOfPhrases: Set<[String]> = [["out", "of"], ["ud", "af"]]

    /// Unit words and signs, English and Danish, in normalised form.
    static let units: [String: QuantityUnit] = {
        var table: [String: QuantityUnit] = [:]
        let words: [(QuantityUnit, [String])] = [
            (.second, ["sec", "secs", "second", "seconds", "sek", "sekund", "sekunder"]),
            (.minute, ["min", "mins", "minute", "minutes", "minut", "minutter", "minutters"]),
            (.hour, ["hour", "hours", "hr", "hrs", "h", "time", "timer", "timers"]),
            (.day, ["day", "days", "dag", "dage", "dagen", "dages", "døgn"]),
            (.week, ["week", "weeks", "wk", "wks", "uge", "uger", "ugers", "ugen"]),
            (.month, ["month", "months", "mo", "måned", "måneder", "måneders", "md", "mdr", "mdr."]),
            (.year, ["year", "years", "yr", "yrs", "år", "års", "året"]),
            (.star, ["star", "stars", "stjerne", "stjerner", "⭐", "★"]),
            (.percent, ["%", "percent", "pct", "procent", "pct."]),
            (.dkk, ["kr", "kr.", "kroner", "dkk", ",-"]),
            (.eur, ["€", "eur", "euro", "euros"]),
            (.usd, ["$", "usd", "dollar", "dollars"]),
            (.gbp, ["£", "gbp", "pound", "pounds"]),
        ]
        for (unit, forms) in words {
            for form in forms { table[form] = unit }
        }
        return table
    }()
}
