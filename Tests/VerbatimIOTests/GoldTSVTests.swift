import Testing
import VerbatimIO

@Suite struct GoldTSVTests {
    @Test func readsColumnsByHeaderName() throws {
        let gold = try GoldTSV(parsing: "\u{FEFF}ID\tLang\ttext\r\nr1\tda\tGod service\r\nr2\ten\tSlow\r\n", path: "gold.tsv")
        #expect(gold.header == ["id", "lang", "text"])
        #expect(gold.rows.map { $0["text"] } == ["God service", "Slow"])
        #expect(gold.rows.map(\.line) == [2, 3])
    }

    @Test func aRowWithTheWrongFieldCountIsReportedWithItsLineAndTheRestKept() throws {
        let gold = try GoldTSV(parsing: "id\tlang\ttext\nr1\tda\nr2\ten\tFine\n", path: "gold.tsv")
        #expect(gold.rows.map { $0["id"] } == ["r2"])
        #expect(gold.problems == ["gold.tsv:2: expected 3 tab-separated fields, found 2; row skipped"])
    }

    @Test func aMissingColumnListsTheHeader() throws {
        let gold = try GoldTSV(parsing: "id\ttext\n", path: "gold.tsv")
        #expect(throws: GoldTSVError.missingColumn(path: "gold.tsv", column: "lang", available: ["id", "text"])) {
            try gold.require("lang")
        }
        #expect(GoldTSVError.missingColumn(path: "gold.tsv", column: "lang", available: ["id", "text"]).description
            == "gold.tsv:1: no column 'lang'; the header has: id, text")
    }
}
