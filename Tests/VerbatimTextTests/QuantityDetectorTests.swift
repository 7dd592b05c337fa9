import Testing
@testable import VerbatimText

@Suite struct QuantityDetectorTests {
    let tokenizer = try! Tokenizer()

    func quantities(_ text: String) -> [String] {
        QuantityDetector().quantities(in: tokenizer.tokenize(text)).map { quantity in
            var description = String(format: "%g", quantity.value)
            if let outOf = quantity.outOf { description += String(format: "/%g", outOf) }
            if let unit = quantity.unit { description += " \(unit.rawValue)" }
            return description
        }
    }

    @Test func numbersWithUnits() {
        #expect(quantities("waited 3 days") == ["3 day"])
        #expect(quantities("ventet 2 uger og 3dage") == ["2 week", "3 day"])
        #expect(quantities("5 stars, 45 min on hold") == ["5 star", "45 minute"])
        #expect(quantities("299 kr, 2,5 timer, 50%") == ["299 dkk", "2.5 hour", "50 percent"])
        #expect(quantities("$20 fee, 1.500 kr") == ["20 usd", "1500 dkk"])
    }

    @Test func ratings() {
        #expect(quantities("10/10 would buy again") == ["10/10 rating"])
        #expect(quantities("4 out of 5") == ["4/5 rating"])
        #expect(quantities("giver 3 ud af 5") == ["3/5 rating"])
        #expect(quantities("24/7 support") == ["24", "7"])  // not a rating: 24 > 7
    }

    @Test(arguments: [("10", 10.0), ("2,5", 2.5), ("1.5", 1.5), ("1.500", 1500.0), ("2,500,000", 2_500_000.0), ("1.234,5", 1234.5)])
    func parsesNumbersOfBothLanguages(text: String, value: Double) {
        #expect(QuantityDetector.number(text) == value)
    }
}
