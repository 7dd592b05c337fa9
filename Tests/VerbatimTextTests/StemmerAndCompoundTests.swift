import Foundation
import Testing
@testable import VerbatimText

@Suite struct StemmerAndCompoundTests {
    /// The bundled vocabulary, read straight from the checkout.
    static let vocabulary: [String] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../lexicons/da/compound-parts.txt").standardizedFileURL
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let word = line.split(separator: "#", omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : word
        }
    }()

    @Test(arguments: [
        (Language.danish, "leveringen", "levering"), (.danish, "hurtigste", "hurt"), (.danish, "kundeservicen", "kundeservic"),
        (.english, "delivered", "deliv"), (.english, "waiting", "wait"), (.english, "crashes", "crash"),
    ])
    func stemsBothLanguages(language: Language, word: String, stem: String) throws {
        #expect(try Stemmer(language: language).stem(word) == stem)
    }

    @Test func undeterminedHasNoStemmer() {
        #expect(throws: TextError.self) { try Stemmer(language: .undetermined) }
    }

    @Test(arguments: [
        ("kundeservice", "kunde+service"), ("leveringstiden", "levering+s+tid+en"), ("hjemmelevering", "hjemme+levering"),
        ("ventetiden", "vente+tid+en"), ("bredbåndsforbindelsen", "bredbånd+s+forbindelse+n"),
        ("returpakke", "retur+pakke"), ("telefonkøen", "telefon+kø+en"),
    ])
    func splitsDanishCompounds(word: String, parts: String) {
        let splitter = DanishCompoundSplitter(vocabulary: Self.vocabulary)
        #expect(splitter.split(word)?.description == parts)
    }

    @Test func headAndModifiers() throws {
        let split = try #require(DanishCompoundSplitter(vocabulary: Self.vocabulary).split("leveringstiden"))
        #expect(split.head == "tid")
        #expect(split.modifiers == ["levering"])
        #expect(split.parts.map(\.range) == [0..<8, 8..<9, 9..<12, 12..<14])
    }

    @Test(arguments: ["levering", "leveringen", "service", "og", "fantastisk", "xyzxyzxyz"])
    func leavesKnownAndUnknownWordsWhole(word: String) {
        #expect(DanishCompoundSplitter(vocabulary: Self.vocabulary).split(word) == nil)
    }
}
