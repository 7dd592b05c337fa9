import Foundation
import Testing

/// Black-box tests of the built `verbatim` binary, as a user runs it.
@Suite final class CommandLineTests: Sendable {
    /// Where this test's files go; removed with it.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-e2e-\(UUID().uuidString)")

    init() {}

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder holding the test bundle also holds the built tool.
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while !folder.path.isEmpty, folder.path != "/" {
            let candidate = folder.appendingPathComponent("verbatim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/verbatim")
    }()

    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// `contents` written to a file `name` in a folder of its own (a lexicon layer, when named so).
    func temporaryFile(_ contents: String, name: String = "gold.tsv") throws -> String {
        let folder = folder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func explainPrintsLanguageSentencesAndTokens() throws {
        let result = try run(["explain", "Leveringstiden var lang, men chaufføren var sød 😊"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("language: da (confidence"))
        #expect(result.stdout.contains("compound levering+s+tid+en"))
        #expect(result.stdout.contains("connective \"men\""))
        #expect(result.stderr.isEmpty)
    }

    @Test func explainWritesJSON() throws {
        let result = try run(["explain", "--format", "json", "The app keeps crashing!!!"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["language"] as? [String: Any])?["code"] as? String == "en")
        #expect((object?["tokens"] as? [Any])?.count == 5)
    }

    @Test func explainReadsStandardInput() throws {
        let result = try run(["explain", "--language", "da", "-"], stdin: "- langsom app\n- sur medarbejder\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("language: da (given)"))
        #expect(result.stdout.contains("1. [2–13] \"langsom app\""))
        #expect(result.stdout.contains("2. [16–31] \"sur medarbejder\""))
    }

    @Test func aBadOptionIsAUsageErrorWithExitCode2() throws {
        let result = try run(["explain", "--language", "sv", "Hej"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--language"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aMissingLexiconFolderIsExitCode1AndNamesIt() throws {
        let result = try run(["explain", "--lexicons", "/nonexistent/lexicons", "Hej"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/lexicons: cannot read lexicon file: no such folder"))
    }

    @Test func evalMeasuresLanguageIdentificationAndReportsBadRows() throws {
        let file = try temporaryFile("""
            id\tlang\ttext
            a\tda\tJeg har ventet alt for længe på min pakke
            b\ten\tI have been waiting far too long for my parcel
            c\tda
            d\ten\tok
            """)
        let result = try run(["eval", "--task", "language", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("5+ words   100.00% (2/2)"))
        #expect(result.stdout.contains("1-4 words  0.00% (0/1)"))
        #expect(result.stderr.contains("gold.tsv:4: expected 3 tab-separated fields, found 2; row skipped"))
    }

    @Test func evalNamesAMissingColumnAndAMissingFile() throws {
        let file = try temporaryFile("id\ttext\na\tHej\n")
        let missingColumn = try run(["eval", "--task", "language", file])
        #expect(missingColumn.status == 1)
        #expect(missingColumn.stderr.contains("gold.tsv:1: no column 'lang'; the header has: id, text"))
        let missingFile = try run(["eval", "--task", "language", "/nonexistent/gold.tsv"])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr.contains("/nonexistent/gold.tsv: cannot read"))
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let root = try run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("Exit codes: 0 ok, 1 bad input or lexicon"))
        let explain = try run(["explain", "--help"])
        #expect(explain.stdout.contains("verbatim explain --format json"))
    }
}

@Suite struct ClassifyCommandTests {
    let cli = CommandLineTests()

    @Test func everyInputRowGivesOneResultRowInOrder() throws {
        let input = """
            {"id":"r1","text":"Leveringen var hurtig, men chaufføren var sur 😠"}
            {"id":"r2","text":"No problems at all, great service!"}
            this is not json
            {"id":"r4","text":"God \\ud800 service"}

            """
        let result = try cli.run(["classify", "-"], stdin: input)
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(rows.count == 4)
        #expect(rows.map { $0["id"] as? String } == ["r1", "r2", nil, "r4"])
        #expect(rows[0]["language"] as? String == "da")
        #expect((rows[1]["sentiment"] as? [String: Any])?["label"] as? String == "positive")
        #expect(rows[2]["line"] as? Int == 3)
        #expect(((rows[3]["problems"] as? [[String: Any]])?.first?["code"]) as? String == "lone_surrogate_replaced")
        #expect(result.stderr.contains("rows read 4, rows written 4, rows with problems 2"))
    }

    @Test func readsACSVExportWithNamedColumnsAndWritesAFile() throws {
        let input = try cli.temporaryFile("ResponseId;Kommentar\n17;\"Elendig kundeservice, ingen ringede tilbage\"\n", name: "export.csv")
        let output = URL(fileURLWithPath: input).deletingLastPathComponent().appendingPathComponent("results.jsonl").path
        let result = try cli.run(["classify", input, "--text-column", "Kommentar", "--id-column", "ResponseId", "-o", output])
        #expect(result.status == 0)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.hasPrefix("{\"id\":\"17\",\"language\":\"da\""))
        #expect(written.contains("\"label\":\"negative\""))
    }

    @Test func aMissingColumnIsExitCode1AndListsTheHeaders() throws {
        let input = try cli.temporaryFile("id,comment\n1,hi\n", name: "export.csv")
        let result = try cli.run(["classify", input])
        #expect(result.status == 1)
        #expect(result.stderr.contains("export.csv:1: no column 'text'; the header has: id, comment"))
    }

    @Test func strictTurnsRowProblemsIntoExitCode1() throws {
        let result = try cli.run(["classify", "--strict", "-"], stdin: "{broken\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"invalid_json\""))
    }

    @Test func explainShowsTheLexiconLineOfEachContribution() throws {
        let result = try cli.run(["explain", "--language", "en", "Not very helpful"])
        #expect(result.stdout.contains("sentiment: -"))
        #expect(result.stdout.contains("'helpful' lexicons/en/sentiment-vader.tsv:"))
        #expect(result.stdout.contains("booster \"very\""))
        #expect(result.stdout.contains("negation \"Not\""))
    }

    @Test func aLexiconErrorStopsTheRunWithFileAndLine() throws {
        let layer = URL(fileURLWithPath: try cli.temporaryFile("good\tgreat\n", name: "sentiment.tsv")).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: layer.appendingPathComponent("en"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: layer.appendingPathComponent("sentiment.tsv"), to: layer.appendingPathComponent("en/sentiment.tsv"))
        let result = try cli.run(["explain", "--lexicons", layer.path, "fine"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("en/sentiment.tsv:1:6: error: valence 'great' is not a number [bad-number]"))
    }
}

@Suite struct LexiconCheckCommandTests {
    let cli = CommandLineTests()

    @Test func theBundledLexiconsHaveNoErrors() throws {
        let result = try cli.run(["lexicon", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0 error(s)"))
    }

    @Test func listsEveryProblemWithFileLineAndColumnAndExits1() throws {
        let themes = try cli.temporaryFile("themes:\n  - id: waiting\n    patterns:\n      - regex: '(unclosed'\n        requires: [wait]\n  - id: waiting\n", name: "themes.yaml")
        let folder = URL(fileURLWithPath: themes).deletingLastPathComponent().path
        let result = try cli.run(["lexicon", "check", folder])
        #expect(result.status == 1)
        #expect(result.stdout.contains("themes.yaml:4:"))
        #expect(result.stdout.contains("regex does not compile"))
        #expect(result.stdout.contains("themes.yaml:6:9: error: theme id 'waiting' is already defined on line 2 [duplicate-id]"))
        #expect(result.stdout.contains("2 error(s)"))
        let json = try cli.run(["lexicon", "check", "--format", "json", folder])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 2)
    }
}
