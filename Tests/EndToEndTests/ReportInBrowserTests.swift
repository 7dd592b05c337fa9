import Foundation
import Testing

/// The main job end to end: `verbatim analyze` on the bundled sample export, then the report opened
/// in a real browser (headless Chromium through scripts/browser-check.py): no console error, no
/// network request, sorting and filtering work. Screenshots of the overview and of the flagged
/// queue land in out/test-screenshots/. Skipped where Chromium or its driver is not installed
/// (scripts/setup installs both).
@Suite struct ReportInBrowserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    static let browserAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.isExecutableFile(atPath: root.appendingPathComponent("out/venv-browser/bin/python").path)

    func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: browserAvailable, "Chromium, chromedriver or out/venv-browser missing: run scripts/setup"))
    func theSampleReportWorksInARealBrowser() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyze = try run(CommandLineTests.binary, [
            "analyze", "corpora/sample-export.csv", "--text-column", "Comment", "--id-column", "ResponseId",
            "--touchpoint-column", "Channel", "--score-column", "NPS", "--segment-column", "Region", "--date-column", "Submitted", "--out", folder.path,
        ])
        #expect(analyze.status == 0, "\(analyze.output)")
        for file in ["results.jsonl", "summary.json", "flagged.csv", "report.html", "report.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
        }
        let shots = Self.root.appendingPathComponent("out/test-screenshots")
        let check = try run(Self.root.appendingPathComponent("out/venv-browser/bin/python"), [
            "scripts/browser-check.py", folder.appendingPathComponent("report.html").path, shots.path,
        ])
        #expect(check.status == 0, "\(check.output)")
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("overview.png").path))
        #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("flagged.png").path))
    }
}
