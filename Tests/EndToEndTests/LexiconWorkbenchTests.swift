import Foundation
import Testing

/// The maintainer's loop through the built tool: check, test, diff, suggest, import and export.
@Suite struct LexiconWorkbenchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
    let cli = CommandLineTests()

    func path(_ relative: String) -> String { Self.root.appendingPathComponent(relative).path }

    @Test func checkReportsEveryKindOfProblemWithItsPlace() throws {
        let result = try cli.run(["lexicon", "check", path("lexicons"), path("Tests/Fixtures/broken-lexicons"), "--format", "json"])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let found = (object["diagnostics"] as! [[String: Any]]).map { item in
            "\(URL(fileURLWithPath: item["file"] as! String).pathComponents.suffix(2).joined(separator: "/")):\(item["line"]!):\(item["column"]!) \(item["severity"]!) \(item["code"]!)"
        }
        let expected = [
            "en/sentiment.tsv:2:8 error bad-number",  // a valence that is not a number
            "en/sentiment.tsv:4:1 warning never-matches",  // a term that normalises to nothing
            "en/sentiment.tsv:5:1 note shadowed-term",  // 'great' overrides the earlier layer's value
            "en/modifiers.tsv:2:8 error unknown-kind",  // 'dampner'
            "broken-lexicons/themes.yaml:11:37 error bad-regex",  // unclosed group, at its column
            "broken-lexicons/themes.yaml:13:13 error duplicate-id",  // delivery.speed twice
            "broken-lexicons/themes.yaml:20:20 error catastrophic-regex",  // (\w+\s?)+$
            "broken-lexicons/flags.yaml:3:1 error unknown-theme",  // a flag naming a theme nobody defines
            "da/sentiment.tsv:3:1 note cross-language-collision",  // Danish 'sure' (sour) vs English 'sure'
        ]
        for line in expected {
            #expect(found.contains(line), "missing \(line) in \(found.filter { !$0.contains("lexicons/en/") && !$0.contains("lexicons/da/") })")
        }
        #expect((object["errors"] as! Int) == 6)
        #expect((object["diagnostics"] as! [[String: Any]]).allSatisfy { !(($0["hint"] as? String) ?? "").isEmpty })
    }

    @Test func theDefaultLexiconsHaveNoErrorsOrWarningsAndTheirTestsPass() throws {
        let check = try cli.run(["lexicon", "check", path("lexicons")])
        #expect(check.status == 0)
        #expect(check.stdout.contains("0 error(s), 0 warning(s)"))
        let tests = try cli.run(["lexicon", "test", path("lexicons")])
        #expect(tests.status == 0, "\(tests.stdout)")
        #expect(tests.stdout.contains("0 failed"))
    }

    @Test func aFailingLexiconTestSaysWhatWasExpectedAndWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "text\tlanguage\tlabel\tthemes\nThe parcel was late\ten\tpositive\tprice\n".write(to: folder.appendingPathComponent("mine.tests.tsv"), atomically: true, encoding: .utf8)
        let result = try cli.run(["lexicon", "test", path("lexicons"), folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("mine.tests.tsv:2: FAIL \"The parcel was late\""))
        #expect(result.stdout.contains("label: expected positive, got negative"))
        #expect(result.stdout.contains("themes: expected price, got"))
        #expect(result.stdout.contains("    | sentiment:"))
    }

    @Test func diffShowsExactlyTheRowsANewPhraseTouches() throws {
        let result = try cli.run([
            "lexicon", "diff", "--base", path("lexicons"), "--head", path("lexicons"), path("Tests/Fixtures/one-phrase-layer"),
            path("corpora/en/survey-comments.tsv"), "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["rows"] as? Int == 462)
        // The rows holding "every time", and only those.
        let corpus = try String(contentsOfFile: path("corpora/en/survey-comments.tsv"), encoding: .utf8)
        let touched = corpus.split(separator: "\n").dropFirst().filter { $0.lowercased().contains("every time") }.map { String($0.split(separator: "\t")[0]) }
        let changed = (object["most_changed"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(object["changed_rows"] as? Int == touched.count)
        #expect(Set(changed) == Set(touched))
        #expect((object["accuracy"] as? [String: Double]) != nil)
    }

    @Test func suggestProposesOnlyTermsThatNoEntryHas() throws {
        let result = try cli.run([
            "lexicon", "suggest", path("corpora/sample-export.csv"), "--text-column", "Comment", "--score-column", "NPS", "--limit", "40",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 40)
        var existing = Set<String>()
        for file in ["en/sentiment.tsv", "en/sentiment-vader.tsv", "en/sentiment-afinn.tsv", "da/sentiment.tsv", "da/sentiment-afinn.tsv", "en/modifiers.tsv", "da/modifiers.tsv"] {
            for line in try String(contentsOfFile: path("lexicons/" + file), encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                existing.insert(String(line.split(separator: "\t")[0]).lowercased())
            }
        }
        let copies = rows.map { String($0[0]) }.filter(existing.contains)
        #expect(copies.isEmpty, "already entries: \(copies)")
        #expect(rows.allSatisfy { Double($0[1]) != nil })
    }

    @Test func importingAFINNAndExportingGivesBackTheSameList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-afinn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // An AFINN-style list (our own words; integers -5..+5, phrases too).
        let afinn = "elendig\t-3\nfantastisk\t4\nalt for dyrt\t-2\nok\t1\nkatastrofe\t-5\nsuper\t3\n"
        try afinn.write(to: folder.appendingPathComponent("list.txt"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["lexicon", "import", "--from", "afinn", folder.appendingPathComponent("list.txt").path, "-o", folder.appendingPathComponent("sentiment.tsv").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let converted = try String(contentsOf: folder.appendingPathComponent("sentiment.tsv"), encoding: .utf8)
        #expect(converted.contains("elendig\t-2.4\n") && converted.contains("katastrofe\t-4\n") && converted.hasPrefix("# Imported with"))
        let exported = try cli.run(["lexicon", "export", "--to", "afinn", folder.appendingPathComponent("sentiment.tsv").path])
        #expect(exported.stdout == afinn)
        // The shipped AFINN-derived Danish list survives the same round trip.
        let shipped = try cli.run(["lexicon", "export", "--to", "afinn", path("lexicons/da/sentiment-afinn.tsv"), "-o", folder.appendingPathComponent("da.txt").path])
        #expect(shipped.status == 0)
        _ = try cli.run(["lexicon", "import", "--from", "afinn", folder.appendingPathComponent("da.txt").path, "-o", folder.appendingPathComponent("da.tsv").path])
        let again = try cli.run(["lexicon", "export", "--to", "afinn", folder.appendingPathComponent("da.tsv").path])
        #expect(again.stdout == (try String(contentsOf: folder.appendingPathComponent("da.txt"), encoding: .utf8)))
        #expect(again.stdout.split(separator: "\n").count == 3552)
    }
}
