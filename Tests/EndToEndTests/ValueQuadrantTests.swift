import Foundation
import Testing

@Suite struct ValueQuadrantTests {
    @Test func lowScoreHighValueRespondentsAreListedAsAtRiskInFlaggedCSV() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-value-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "id,score,revenue,comment\n"
        for index in 0..<40 {
            // Values 100…4,000; scores alternate 2 and 9.
            let score = index % 2 == 0 ? 2 : 9
            csv += "c\(index),\(score),\(100 * (index + 1)),\(score == 2 ? "The invoice was wrong again" : "Great service, thank you")\n"
        }
        let input = folder.appendingPathComponent("export.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let result = try CommandLineTests().run([
            "analyze", input.path, "--text-column", "comment", "--score-column", "score", "--value-column", "revenue", "--score-type", "nps",
            "--out", folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let flagged = try String(contentsOf: folder.appendingPathComponent("out/flagged.csv"), encoding: .utf8)
        let atRisk = flagged.split(separator: "\n").filter { $0.contains(",at_risk_value,") }.map { String($0.split(separator: ",")[3]) }
        // Detractors above the median value: the even rows of the upper half (values above 2,048's bucket).
        #expect(!atRisk.isEmpty)
        #expect(atRisk.allSatisfy { id in Int(id.dropFirst())! % 2 == 0 && Int(id.dropFirst())! >= 20 })
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        #expect(report.contains("low score / high value"))
    }
}
