import Foundation
import Testing
import VerbatimAnalysis
@testable import VerbatimIO
import VerbatimLexicon

@Suite struct BatchRunnerTests {
    static let lexicons: CompiledLexicons = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        return try! CompiledLexicons(try! LexiconStack(layers: [folder]))
    }()

    /// Runs `bytes` through the batch runner into a temporary file; returns the output and the accounting.
    func classify(_ bytes: [UInt8], format: CommentReader.Format, output: ResultWriter.Format = .jsonl, threads: Int, rowsPerChunk: Int = 3) throws -> (String, RowAccount) {
        var stream = try CommentReader(format: format).open(InputSource(bytes: bytes, name: "torture.csv"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        let account = try BatchRunner(lexicons: Self.lexicons, threads: threads, rowsPerChunk: rowsPerChunk)
            .run(&stream, writer: ResultWriter(format: output), to: sink)
        try sink.commit()
        return (try String(contentsOfFile: path, encoding: .utf8), account)
    }

    /// Ten rows with one problem of each kind an export can have.
    static let torture: [UInt8] = {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("id,text,score\r\n".utf8)
        bytes += Array("1,Fast delivery and a friendly driver,9\r\n".utf8)
        bytes += Array("2,\"Quoted, with a comma\",8\r\n".utf8)
        bytes += Array("3,\"This quote is never closed,2\r\n".utf8)
        bytes += Array("4,Has a NUL\u{0}byte inside,5\r\n".utf8)
        bytes += Array("5,Invalid ".utf8) + [0xC3, 0x28] + Array(" UTF-8 but æøå fine,6\r\n".utf8)
        bytes += Array("6,\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 10_000_000) + Array("\",7\r\n".utf8)
        bytes += Array("7,,4\r\n".utf8)
        bytes += Array("8,\"=cmd|' /C calc'!A0\",1\r\n".utf8)
        bytes += Array("9,too,many,fields,here\r\n".utf8)
        bytes += Array("10,\"Last row, \"\"quoted\"\" words\",10\r\n".utf8)
        return bytes
    }()

    @Test func tortureFileEveryRowAccountedForAndEachBadRowReportedWithItsLine() throws {
        let (output, account) = try classify(Self.torture, format: .csv, threads: 2)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(account.rowsRead == 10 && account.rowsWritten == 10)
        let rows = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.map { $0["id"] as? String } == (1...10).map(String.init))
        func codes(_ index: Int) -> [String] { (rows[index]["problems"] as! [[String: Any]]).map { $0["code"] as! String } }
        func line(_ index: Int) -> Int? { rows[index]["line"] as? Int }
        #expect(codes(0).isEmpty && codes(1).isEmpty && codes(9).isEmpty)
        #expect(codes(2).contains("malformed_row") && line(2) == 4)
        #expect(codes(3) == ["control_characters_replaced"] && line(3) == 5)
        #expect(codes(4) == ["invalid_utf8_replaced"] && line(4) == 6)
        #expect(codes(5).contains("text_truncated") && line(5) == 7)
        #expect(codes(8) == ["field_count"] && line(8) == 10)
        #expect(codes(6) == ["empty_text"] && line(6) == 8)
        // The good rows are classified; the formula is just text.
        #expect((rows[0]["sentiment"] as? [String: Any])?["label"] as? String == "positive")
        #expect(codes(7).isEmpty && rows[7]["language"] as? String != nil)
        #expect(account.rowsWithProblems == 6 && account.problems["malformed_row"] == 1)
    }

    /// The bundled lexicons as a stack changed after loading (to the same content): workers
    /// cannot load private copies of these and share them instead.
    static let sharedOnly: CompiledLexicons = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL
        var stack = try! LexiconStack(layers: [folder])
        stack.flags = stack.flags
        return try! CompiledLexicons(stack)
    }()

    @Test func sameInputGivesByteIdenticalOutputAcrossRunsAndThreadCounts() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpora/da/survey-comments.tsv")
        let bytes = Array(try Data(contentsOf: corpus)) + Self.torture.dropFirst(3 + 15)
        var outputs: [String] = []
        #expect(Self.lexicons.privateCopy() != nil && Self.sharedOnly.privateCopy() == nil)
        for (threads, lexicons) in [(1, Self.lexicons), (2, Self.lexicons), (2, Self.lexicons), (3, Self.lexicons), (2, Self.sharedOnly)] {
            var stream = try CommentReader(format: .tsv, columns: .init(touchpoint: "touchpoint", score: "score")).open(InputSource(bytes: bytes, name: "da.tsv"))
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-\(UUID().uuidString).jsonl").path
            let sink = try OutputSink(path: path)
            _ = try BatchRunner(lexicons: lexicons, threads: threads, rowsPerChunk: 7).run(&stream, writer: ResultWriter(format: .jsonl), to: sink)
            try sink.commit()
            outputs.append(try String(contentsOfFile: path, encoding: .utf8))
            try FileManager.default.removeItem(atPath: path)
        }
        #expect(outputs[0].split(separator: "\n").count > 459)
        #expect(Set(outputs).count == 1)
    }

    /// Scores as exports write them: padded, with a Danish decimal comma, behind a no-break space.
    @Test func scoresAreReadPaddedWithADecimalCommaOrAnyUnicodeSpace() {
        #expect(RowClassifier.number(RowClassifier.trimmed(" 7,5\t")) == 7.5)
        #expect(RowClassifier.number(RowClassifier.trimmed("\u{00A0}9 ")) == 9)
        #expect(RowClassifier.trimmed(" \t ").isEmpty)
        #expect(RowClassifier.number(RowClassifier.trimmed(" n/a ")) == nil)
        #expect(RowClassifier.trimmed("10") == "10")
    }

    @Test func csvOutputNeutralisesAFormulaComment() throws {
        let input = Array("id,text\n1,\"=HYPERLINK(\"\"http://x\"\")\"\n2,<script>alert(1)</script>\n".utf8)
        var stream = try CommentReader(format: .csv, columns: .init(keep: ["text"])).open(InputSource(bytes: input, name: "in.csv"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        _ = try BatchRunner(lexicons: Self.lexicons, threads: 1).run(&stream, writer: ResultWriter(format: .csv, keptColumnNames: stream.keptColumnNames), to: sink)
        try sink.commit()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines[0].hasSuffix(",line,text"))
        #expect(lines[1].hasSuffix(",\"'=HYPERLINK(\"\"http://x\"\")\""))
    }

    @Test func anUncommittedOutputLeavesThePreviousFileInPlace() throws {
        let name = "verbatim-\(UUID().uuidString).jsonl"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("previous results\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let sink = try OutputSink(path: path)
            try sink.write("half a result")
            try sink.flush()
        }  // dropped without commit, as when a run fails
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous results\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix(".\(name)") }
        #expect(leftovers.isEmpty)
    }
}
