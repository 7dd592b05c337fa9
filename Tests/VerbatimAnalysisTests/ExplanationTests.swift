import Foundation
import Testing
import VerbatimAnalysis
import VerbatimText

@Suite struct ExplanationTests {
    let analyzer = try! TextAnalyzer(compoundVocabulary: ["levering", "tid", "kunde", "service"])

    func json(_ explanation: Explanation) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: encoder.encode(explanation)) as! [String: Any]
    }

    /// The documented JSON shape (README "explain --format json"): later issues add keys, never rename.
    @Test func jsonHasTheDocumentedShape() throws {
        let explanation = Explanation(analyzer.analyze("Leveringstiden var 3 dage, men kundeservicen var sur :("))
        let object = try json(explanation)
        #expect(Set(object.keys) == ["text", "language", "tokens", "sentences", "quantities"])
        let language = object["language"] as! [String: Any]
        #expect(language["code"] as? String == "da")
        #expect(Set(language.keys).isSuperset(of: ["code", "confidence", "source", "evidence"]))
        #expect(language["cld2"] == nil)  // the Danish words decide alone: CLD2 is not asked
        let short = try json(Explanation(analyzer.analyze("Fin pris")))["language"] as! [String: Any]
        #expect(Set((short["cld2"] as! [String: Any]).keys) == ["codes", "percents", "reliable"])
        let first = (object["tokens"] as! [[String: Any]])[0]
        #expect(Set(first.keys) == ["index", "kind", "text", "normalized", "start", "end", "case", "elongated", "stem", "compound"])
        #expect(first["stem"] as? String == "leveringstid")
        let compound = first["compound"] as! [[String: Any]]
        #expect(compound.map { $0["text"] as! String } == ["levering", "s", "tid", "en"])
        #expect(compound.map { $0["role"] as! String } == ["modifier", "linker", "head", "ending"])
        let clauses = (object["sentences"] as! [[String: Any]])[0]["clauses"] as! [[String: Any]]
        #expect(clauses.map { $0["opener"] as! String } == ["sentence_start", "connective"])
        #expect(clauses[1]["opener_text"] as? String == "men")
        let quantity = (object["quantities"] as! [[String: Any]])[0]
        #expect(quantity["unit"] as? String == "day")
        #expect(quantity["text"] as? String == "3 dage")
    }

    @Test func plainTextNamesLanguageSentencesAndTokens() {
        let text = Explanation(analyzer.analyze("Great app!!! But login fails\nbad\u{0}")).plainText
        #expect(text.hasPrefix("language: en (confidence "))
        #expect(text.contains("1. [0–12] \"Great app!!!\""))
        #expect(text.contains("2. [13–28] \"But login fails\""))
        #expect(text.contains("connective \"But\""))
        #expect(text.contains("punctuation  9–12   \"!!!\""))
    }
}

@Suite struct LanguageEvaluationTests {
    @Test func countsByLengthAndMerges() {
        var first = LanguageEvaluation()
        first.add(gold: .danish, predicted: .danish, wordCount: 6)
        first.add(gold: .danish, predicted: .english, wordCount: 2)
        var second = LanguageEvaluation()
        second.add(gold: .english, predicted: .english, wordCount: 9)
        second.add(gold: .english, predicted: .undetermined, wordCount: 0)
        first.merge(second)
        #expect(first.accuracy(.long) == 1)
        #expect(first.accuracy(.short) == 0)
        #expect(first.total() == 3)
        #expect(first.wordless == 1)
        #expect(first.count(gold: .danish, predicted: .english) == 1)
        #expect(first.report(title: "t").contains("5+ words   100.00% (2/2)"))
    }
}
