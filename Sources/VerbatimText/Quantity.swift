/// A number with what it counts, found in a comment: "3 days", "2 uger", "10/10", "4 out of 5",
/// "5 stars", "299 kr", "50%". Theme rules ("waited 3 weeks") and score hints read these.
public struct Quantity: Hashable, Sendable {
    /// The number as a value ("2,5" → 2.5, "1.500" → 1500).
    public var value: Double
    /// What it counts, when a unit follows or precedes it.
    public var unit: QuantityUnit?
    /// For ratings ("8/10", "4 ud af 5"): the top of the scale.
    public var outOf: Double?
    /// Unicode scalar offsets of the whole expression.
    public var range: Range<Int>
    /// Indices of its tokens.
    public var tokenRange: Range<Int>

    public init(value: Double, unit: QuantityUnit?, outOf: Double?, range: Range<Int>, tokenRange: Range<Int>) {
        self.value = value
        self.unit = unit
        self.outOf = outOf
        self.range = range
        self.tokenRange = tokenRange
    }
}

/// Units that survey comments measure in.
public enum QuantityUnit: String, Hashable, Sendable, Codable, CaseIterable {
    case second, minute, hour, day, week, month, year
    case star, percent
    case dkk, eur, usd, gbp
    /// A rating on a scale ("8/10"): see `Quantity.outOf`.
    case rating
}
