import Testing
import VerbatimIO
import VerbatimText

@Suite struct JSONParserTests {
    func parse(_ line: String) throws(JSONSyntaxError) -> (JSONValue, [JSONRepair]) {
        var parser = JSONParser(Array(line.utf8))
        let value = try parser.parse()
        return (value, parser.repairs)
    }

    @Test func loneSurrogatesBecomeReplacementCharactersAndAreReported() throws {
        let (value, repairs) = try parse(#"{"id":"r1","text":"God \ud800 service \udc00"}"#)
        #expect(value["text"]?.text == "God \u{FFFD} service \u{FFFD}")
        #expect(repairs == [.loneSurrogate, .loneSurrogate])
        #expect(value["id"]?.text == "r1")
    }

    @Test func surrogatePairsJoin() throws {
        let (value, repairs) = try parse(#"{"text":"ok \ud83d\ude00"}"#)
        #expect(value["text"]?.text == "ok 😀")
        #expect(repairs.isEmpty)
    }

    @Test func invalidUTF8InsideAStringIsReplaced() throws {
        var parser = JSONParser(Array(#"{"text":"bad "#.utf8) + [0xFF, 0xFE] + Array(#" byte"}"#.utf8))
        let value = try parser.parse()
        #expect(value["text"]?.text?.contains("\u{FFFD}") == true)
        #expect(parser.repairs == [.invalidUTF8])
    }

    @Test func numbersAndBooleansReadAsText() throws {
        let (value, _) = try parse(#"{"id": 17, "score": 9.5, "ok": true, "none": null, "list": [1, "a"]}"#)
        #expect(value["id"]?.text == "17")
        #expect(value["score"]?.text == "9.5")
        #expect(value["ok"]?.text == "true")
        #expect(value["none"] == .null)
    }

    @Test(arguments: [
        (#"{"text": "unclosed}"#, 10), (#"{"a" 1}"#, 6), (#"{"a":1} trailing"#, 9), (#"{"a":tru}"#, 6), (#""\x""#, 2),
    ])
    func syntaxErrorsNameTheColumn(line: String, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try parse(line) }
        do {
            _ = try parse(line)
        } catch {
            #expect(error.column == column, "\(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let line = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try parse(line) }
    }
}

@Suite struct JSONInputThroughTheTextLayerTests {
    /// A JSONL row that Foundation rejects whole reaches the analyser with U+FFFD in place.
    @Test func aRowWithALoneSurrogateIsAnalysed() throws {
        var parser = JSONParser(Array(#"{"id":"r9","text":"Levering \ud83d var hurtig, men \udc00 appen crasher"}"#.utf8))
        let text = try #require(try parser.parse()["text"]?.text)
        let analyzed = try TextAnalyzer().analyze(text)
        #expect(analyzed.language.language == .danish)
        #expect(analyzed.tokens.filter { $0.kind == .word }.map(\.text) == ["Levering", "var", "hurtig", "men", "appen", "crasher"])
        #expect(analyzed.sentences.first?.clauses.count == 2)
        #expect(parser.repairs == [.loneSurrogate, .loneSurrogate])
    }
}
