import Foundation
import Testing
import VerbatimIO

/// Exports as the tools CX teams use write them: each must be read into the right rows.
@Suite struct ExportFormatTests {
    func rows(_ bytes: [UInt8], _ format: CommentReader.Format, columns: CommentReader.Columns = .init()) throws -> [InputRow] {
        try CommentReader(format: format, columns: columns).rows(Data(bytes), source: "export")
    }

    @Test func qualtricsExportSkipsTheQuestionTextAndImportIdRows() throws {
        let csv = """
            StartDate,ResponseId,Q1,Q2_TEXT
            Start Date,Response ID,"How likely are you to recommend us? (0-10)","Why did you give that score, in your own words?"
            "{""ImportId"":""startDate"",""timeZone"":""Europe/Copenhagen""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"
            2026-10-01 09:12:44,R_1a2b3c,9,"Quick delivery, friendly driver"
            2026-10-01 10:03:02,R_4d5e6f,3,"Waited 40 minutes on the phone.
            Then they hung up."

            """
        let read = try rows(Array(csv.utf8), .csv, columns: .init(text: "Q2_TEXT", id: "ResponseId", score: "q1"))
        #expect(read.map(\.id) == ["R_1a2b3c", "R_4d5e6f"])
        #expect(read.map(\.score) == ["9", "3"])
        #expect(read[1].text == "Waited 40 minutes on the phone.\nThen they hung up.")
        #expect(read.map(\.line) == [4, 5])
        #expect(read.allSatisfy { $0.problems.isEmpty })
    }

    @Test func danishExcelSemicolonCSVWithBOM() throws {
        let csv = "\u{FEFF}Svar-id;Kommentar;Kanal;Score\r\n17;\"Hurtig levering; flink chauffør\";Web;9\r\n18;Ventede 3 uger på min pakke;App;2\r\n"
        let read = try rows(Array(csv.utf8), .csv, columns: .init(text: "kommentar", id: "svar-id", touchpoint: "KANAL"))
        #expect(read.map(\.text) == ["Hurtig levering; flink chauffør", "Ventede 3 uger på min pakke"])
        #expect(read.map(\.touchpoint) == ["Web", "App"])
    }

    @Test func utf16UnicodeTextFromExcel() throws {
        // Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated, CRLF.
        let text = "id\ttext\r\n1\tØrebro butik: sød personale 😊\r\n2\tFor dyrt\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let read = try rows(bytes, .tsv)
        #expect(read.map(\.text) == ["Ørebro butik: sød personale 😊", "For dyrt"])
        var bigEndian: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { bigEndian += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try rows(bigEndian, .tsv).map(\.text) == read.map(\.text))
    }

    @Test func windows1252IsReadAndSaidOnTheRowsItChanged() throws {
        // "Rigtig god service – tak" and "Ok" in Windows-1252 (æ = 0xE6, – = 0x96).
        let bytes: [UInt8] = Array("id;text\n1;F".utf8) + [0xE6] + Array("rdig service ".utf8) + [0x96] + Array(" tak\n2;Ok\n".utf8)
        let read = try rows(bytes, .csv)
        #expect(read.map(\.text) == ["Færdig service – tak", "Ok"])
        #expect(read[0].problems.map(\.code) == ["decoded_windows_1252"])
        #expect(read[1].problems.isEmpty)
    }

    @Test func aMissingColumnListsTheAvailableHeaders() {
        #expect(throws: InputError.missingColumn(source: "export", column: "Comment", available: ["Id", "Svar"])) {
            try rows(Array("Id;Svar\n1;x\n".utf8), .csv, columns: .init(text: "Comment"))
        }
    }

    @Test func formulaCellsAreNeutralisedButNumbersStayNumbers() {
        #expect(CSVCell.escaped("=HYPERLINK(\"http://evil\",\"click\")") == "\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"")
        #expect(CSVCell.escaped("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCell.escaped("+45 12 34 56 78") == "'+45 12 34 56 78")
        #expect(CSVCell.escaped("-0.42") == "-0.42")
        #expect(CSVCell.escaped("=1+1", formulaGuard: false) == "=1+1")
        #expect(CSVCell.escaped("line\nbreak") == "\"line\nbreak\"")
    }
}
