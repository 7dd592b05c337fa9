import Foundation
import Testing
import VerbatimIO

@Suite struct CommentReaderTests {
    func rows(_ text: String, _ format: CommentReader.Format, columns: CommentReader.Columns = .init()) throws -> [InputRow] {
        try CommentReader(format: format, columns: columns).rows(Data(text.utf8), source: "in")
    }

    @Test func readsQuotedCSVWithSemicolonsBOMAndCRLF() throws {
        let csv = "\u{FEFF}Id;Comment;Score\r\n1;\"Hurtig levering; god pris\";9\r\n2;\"Sagde \"\"tak\"\"\r\nover to linjer\";8\r\n"
        let read = try rows(csv, .csv, columns: .init(text: "comment", id: "ID"))
        #expect(read.map(\.id) == ["1", "2"])
        #expect(read.map(\.text) == ["Hurtig levering; god pris", "Sagde \"tak\"\nover to linjer"])
        #expect(read.map(\.line) == [2, 3])
        #expect(read.allSatisfy { $0.problems.isEmpty })
    }

    @Test func anUnclosedQuoteIsReportedAndDoesNotSwallowLaterRows() throws {
        let csv = "id,text\n1,\"never closed\n2,fine\n3,also fine\n"
        let read = try rows(csv, .csv)
        #expect(read.map(\.id) == ["1", "2", "3"])
        #expect(read[0].problems.map(\.code) == ["malformed_row"])
        #expect(read[1].text == "fine")
    }

    @Test func columnsByIndexAndAMissingColumnListsTheHeader() throws {
        let read = try rows("a\tb\nx\ty\n", .tsv, columns: .init(text: "2", id: "1"))
        #expect(read.first?.text == "y")
        #expect(throws: InputError.missingColumn(source: "in", column: "comment", available: ["a", "b"])) {
            try rows("a\tb\nx\ty\n", .tsv, columns: .init(text: "comment"))
        }
    }

    @Test func everyJSONLineGivesARowEvenWhenBroken() throws {
        let read = try rows("{\"id\":\"a\",\"text\":\"ok\"}\n\n{broken\n{\"id\":2}\n[1]\n", .jsonl)
        #expect(read.map(\.line) == [1, 3, 4, 5])
        #expect(read.map { $0.problems.first?.code } == [nil, "invalid_json", "missing_text", "not_an_object"])
    }

    @Test func invalidUTF8IsRepairedAndReportedOnTheRowThatHeldIt() throws {
        let bytes = Data("id,text\n1,fint på dansk\n2,bad ".utf8) + Data([0xFF]) + Data(" byte\n".utf8)
        let read = try CommentReader(format: .csv).rows(bytes, source: "in")
        #expect(read[0].problems.isEmpty)
        #expect(read[1].problems.map(\.code) == ["invalid_utf8_replaced"])
    }

    @Test func sniffsTheDelimiter() {
        func sniff(_ line: String) -> Character { Character(Unicode.Scalar(DelimitedRecordScanner.sniffDelimiter(Array(line.utf8)))) }
        #expect(sniff("id;text;score") == ";")
        #expect(sniff("id\ttext") == "\t")
        #expect(sniff("\"a;b\",c") == ",")
        #expect(sniff("text") == ",")
    }
}
