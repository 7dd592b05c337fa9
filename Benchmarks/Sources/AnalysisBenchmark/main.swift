import BenchmarkSupport
import Foundation
import VerbatimAnalysis
import VerbatimLexicon
import VerbatimText

/// The analysis stages on one core, each timed on its own over the same pre-analysed comments:
/// sentiment scoring, theme tagging (the bundled taxonomy, both languages), touch points and flags.
/// Usage: analysis-benchmark [COMMENTS=100000] [RUNS=5] [GOLD.tsv...]  (run from the repository root)
/// With gold files (the `text` column of `corpora/*/survey-comments.tsv`), their comments are cycled
/// to COMMENTS instead of generated: written survey comments, sparser in lexicon words than the
/// generator's.
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let count = arguments.first ?? 100_000
let runs = arguments.dropFirst().first ?? 5
let goldFiles = CommandLine.arguments.dropFirst().filter { Int($0) == nil }

let stack = try LexiconStack(layers: [URL(fileURLWithPath: "lexicons")])
let lexicons = try CompiledLexicons(stack)
let textAnalyzer = try TextAnalyzer(compoundVocabulary: lexicons.compoundVocabulary, clauseRules: lexicons.clauseRules)
let comments: [String]
let corpusName: String
if goldFiles.isEmpty {
    var generator = CorpusGenerator(seed: 2026)
    comments = (0..<count).map { _ in generator.comment() }
    corpusName = "generated, seed 2026"
} else {
    let written = try goldFiles.flatMap { path in
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        guard let column = lines.first?.firstIndex(of: "text") else { throw CocoaError(.fileReadCorruptFile) }
        return lines.dropFirst().map { String($0[column]) }
    }
    comments = (0..<count).map { written[$0 % written.count] }
    corpusName = "\(written.count) written comments cycled"
}
let bytes = comments.reduce(0) { $0 + $1.utf8.count }
let themeCount = stack.themes.themes.count
print("corpus: \(count) comments, \(String(format: "%.1f", Double(bytes) / 1e6)) MB (\(corpusName)); taxonomy: \(themeCount) themes × 2 languages; \(runs) runs, one thread")

func median(_ name: String, _ body: () -> Int) {
    var seconds: [Double] = []
    var found = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        found = body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let middle = seconds.sorted()[seconds.count / 2]
    print(String(format: "%-34@ median %7.3f s  %9.0f comments/s  (found %d; runs: %@)", name as NSString, middle, Double(count) / middle, found,
                 seconds.map { String(format: "%.3f", $0) }.joined(separator: " ") as NSString))
}

let analyzed = comments.map { textAnalyzer.analyze($0) }
let scored = analyzed.map { lexicons.scorer.score($0) }
let languages: [[Language]] = analyzed.map { $0.language.language == .undetermined ? [.english, .danish] : [$0.language.language] }

median("text layer (tokens … compounds)") { comments.reduce(0) { $0 + textAnalyzer.analyze($1).tokens.count } }
median("sentiment scoring") { analyzed.reduce(0) { $0 + lexicons.scorer.score($1).contributions.count } }
median("theme tagging") { zip(analyzed, zip(scored, languages)).reduce(0) { $0 + lexicons.themes.tag($1.0, sentiment: $1.1.0, languages: $1.1.1).themes.count } }
median("touch points + flags") {
    zip(analyzed, zip(scored, languages)).reduce(0) { total, item in
        let touchpoint = lexicons.touchpoints.resolve(column: nil, text: item.0, languages: item.1.1)
        return total + lexicons.flags.evaluate(text: item.0, themes: [], sentiment: item.1.0, score: 5, touchpoint: touchpoint.id, languages: item.1.1).flags.count
    }
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak memory (max RSS): \(usage.ru_maxrss / 1024) MB")
