import Foundation
import Testing

@testable import VerbatimIO

/// The bytes of a result row: numbers as a JSON reader gets them back, strings escaped.
@Suite struct JSONWriterTests {
    func written(_ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(capacity: 4)
        write(&json)
        return json.output
    }

    @Test func scoresWithUpToFourDecimalsReadTheSameAsSwiftsShortestForm() {
        // Every score and theme sentiment is rounded to three or four decimals.
        for scale in [10.0, 100.0, 1000.0, 10000.0] {
            for units in -20_000...20_000 {
                let value = Double(units) / scale
                let expected = value == value.rounded() ? String(Int(value)) : value.description
                #expect(written { $0.number(value) } == expected, "\(units) / \(scale)")
            }
        }
    }

    @Test func otherNumbersKeepTheirShortestRoundTripForm() {
        for value in [0.1 + 0.2, 1.0 / 3.0, -2.5e-7, 6.02e23, 123_456.78901, 1e15, -0.00005] {
            let text = written { $0.number(value) }
            #expect(Double(text) == value, "\(text)")
            #expect(text == (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description))
        }
        #expect(written { $0.number(Int.min) } == String(Int.min))
        #expect(written { $0.number(0) } == "0")
    }

    @Test func stringsAreEscapedAndParseBack() throws {
        let text = "quote \" backslash \\ tab\t nul\u{0} bell\u{7} unit\u{1F} line\u{2028}para\u{2029} æøå 😡 " + String(repeating: "long ", count: 100)
        let json = written { writer in
            writer.beginObject()
            writer.key("text")
            writer.string(text)
            writer.key("none")
            writer.string(nil)
            writer.endObject()
        }
        #expect(json.contains("\\u0000") && json.contains("\\u0007") && json.contains("\\u001f") && json.contains("\\u2028"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["text"] as? String == text)
        #expect(object["none"] is NSNull)
    }
}
