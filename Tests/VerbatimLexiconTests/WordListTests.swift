import Foundation
import Testing
import VerbatimLexicon

@Suite struct WordListTests {
    @Test func parsesEntriesAndComments() {
        let list = WordList(parsing: "# header\nkunde\n\n  service  # a comment\n", file: "parts.txt")
        #expect(list.entries == ["kunde", "service"])
        #expect(list.diagnostics.isEmpty)
    }

    @Test func reportsProblemsWithFileLineAndColumnAndKeepsGoing() {
        let list = WordList(parsing: "kunde\n  to ord\nkunde\nservice\n", file: "da/compound-parts.txt")
        #expect(list.entries == ["kunde", "service"])
        #expect(list.diagnostics.map(\.description) == [
            "da/compound-parts.txt:2:3: error: 'to ord' holds a space; a word list takes one word per line [entry-with-space]",
            "da/compound-parts.txt:3:1: warning: 'kunde' is already listed on line 1 [duplicate-entry]",
        ])
    }

    @Test func laterLayersAddWords() throws {
        let base = try temporaryLayer(["kunde", "service"])
        let company = try temporaryLayer(["bredbånd", "kunde"])
        defer { for folder in [base, company] { try? FileManager.default.removeItem(at: folder) } }
        let lexicon = try TextLexicon(layers: [base, company])
        #expect(lexicon.danishCompoundParts == ["kunde", "service", "bredbånd"])
    }

    @Test func theBundledLexiconsAreFoundFromABuildFolder() throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
        let locator = LexiconLocator(environment: [:], executablePath: checkout.path + "/.build/debug/verbatim")
        #expect(try locator.bundledLexicons().standardizedFileURL.path == checkout.appendingPathComponent("lexicons").path)
    }

    @Test func aMissingLexiconFolderSaysWhereItLooked() {
        let locator = LexiconLocator(environment: ["VERBATIM_LEXICONS": "/nonexistent/lexicons"], executablePath: "/nonexistent/bin/verbatim")
        #expect(throws: LexiconError.self) { try locator.bundledLexicons() }
        #expect(locator.candidates.first?.path == "/nonexistent/lexicons")
    }

    @Test func theBundledCompoundVocabularyLoadsCleanly() throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL
        let lexicon = try TextLexicon(layers: [checkout.appendingPathComponent("lexicons")])
        #expect(lexicon.diagnostics.isEmpty, "\(lexicon.diagnostics)")
        #expect(lexicon.danishCompoundParts.count > 2_500)
    }

    func temporaryLayer(_ words: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("da"), withIntermediateDirectories: true)
        try words.joined(separator: "\n").write(to: folder.appendingPathComponent("da/compound-parts.txt"), atomically: true, encoding: .utf8)
        return folder
    }
}
