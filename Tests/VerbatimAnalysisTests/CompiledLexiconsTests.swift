import Foundation
import Testing
import VerbatimAnalysis
import VerbatimLexicon

/// The private copies a batch gives each worker thread: they must classify exactly as the
/// lexicons the run began with, and never be made from files that changed since.
@Suite struct CompiledLexiconsTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../lexicons").standardizedFileURL

    /// A lexicon layer in a temporary folder holding `files` (path → text).
    static func layer(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("verbatim-copy-\(UUID().uuidString)")
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func aPrivateCopyClassifiesEveryCommentAsTheOriginalDoes() throws {
        let original = try CompiledLexicons(try LexiconStack(layers: [Self.bundled]))
        let copy = try #require(original.privateCopy())
        let comments = [
            "The delivery was fast but the driver was rude, I want to cancel my subscription",
            "Leveringen var hurtig, men chaufføren var uhøflig. Ring venligst til mig!",
            "not bad at all 😀 the app keeps crashing though",
            "Prisen er alt for høj og kundeservicen svarer aldrig",
        ]
        let first = try Analyzer(original), second = try Analyzer(copy)
        for comment in comments {
            #expect(first.analyze(comment, score: 3) == second.analyze(comment, score: 3), "\(comment)")
        }
    }

    @Test func noCopyIsMadeFromFilesEditedSinceTheyWereLoaded() throws {
        let folder = try Self.layer(["en/sentiment.tsv": "splendid\t3.0\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lexicons = try CompiledLexicons(try LexiconStack(layers: [folder]))
        #expect(lexicons.privateCopy() != nil)
        try "splendid\t-3.0\n".write(to: folder.appendingPathComponent("en/sentiment.tsv"), atomically: true, encoding: .utf8)
        #expect(lexicons.privateCopy() == nil)
        try FileManager.default.removeItem(at: folder)
        #expect(lexicons.privateCopy() == nil)
    }

    @Test func noCopyIsMadeOfAStackChangedAfterLoading() throws {
        let folder = try Self.layer(["en/sentiment.tsv": "splendid\t3.0\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var stack = try LexiconStack(layers: [folder])
        #expect(stack.filesDigest != nil)
        stack.themes = try LexiconStack(layers: [Self.bundled]).themes
        #expect(stack.filesDigest == nil)
        #expect(try CompiledLexicons(stack).privateCopy() == nil)
    }
}
