import BenchmarkSupport
import Foundation
import VerbatimAnalysis
import VerbatimLexicon
import VerbatimText

/// The analysis stages on one core, timed per comment as `classify` runs them — text layer,
/// vocabulary lookup, sentiment, themes (the bundled taxonomy, both languages), touch points and
/// flags, one after another on the same comment while it is in cache — and summed per stage.
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

/// The stages, in pipeline order.
let stages = ["text layer (tokens … compounds)", "vocabulary lookup (shared)", "sentiment scoring", "theme tagging", "touch points + flags"]

/// One pass over the corpus: seconds spent in each stage, and what each found (a check that the
/// work was done).
@MainActor func pass() -> (seconds: [Double], found: [Int]) {
    var nanoseconds = [UInt64](repeating: 0, count: stages.count)
    var found = [Int](repeating: 0, count: stages.count)
    for comment in comments {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let analyzed = textAnalyzer.analyze(comment)
        let t1 = DispatchTime.now().uptimeNanoseconds
        let ids = lexicons.ids(of: analyzed)
        let t2 = DispatchTime.now().uptimeNanoseconds
        let sentiment = lexicons.scorer.score(analyzed, ids: ids)
        let t3 = DispatchTime.now().uptimeNanoseconds
        let languages = analyzed.language.languagesToConsult
        let themes = lexicons.themes.tag(analyzed, ids: ids, sentiment: sentiment, languages: languages).themes
        let t4 = DispatchTime.now().uptimeNanoseconds
        let touchpoint = lexicons.touchpoints.resolve(column: nil, text: analyzed, ids: ids, languages: languages)
        let flags = lexicons.flags.evaluate(text: analyzed, ids: ids, themes: themes, sentiment: sentiment, score: 5, touchpoint: touchpoint.id, languages: languages).flags
        let t5 = DispatchTime.now().uptimeNanoseconds
        for (stage, (from, to)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)].enumerated() { nanoseconds[stage] += to - from }
        found[0] += analyzed.tokens.count
        found[1] += ids.words.count { $0 >= 0 }
        found[2] += sentiment.contributions.count
        found[3] += themes.count
        found[4] += flags.count + (touchpoint.id == nil ? 0 : 1)
    }
    return (nanoseconds.map { Double($0) / 1e9 }, found)
}

let passes = (0..<runs).map { _ in pass() }
for (stage, name) in stages.enumerated() {
    let seconds = passes.map { $0.seconds[stage] }
    let middle = seconds.sorted()[seconds.count / 2]
    print(String(format: "%-34@ median %7.3f s  %9.0f comments/s  (found %d; runs: %@)", name as NSString, middle, Double(count) / middle,
                 passes[0].found[stage], seconds.map { String(format: "%.3f", $0) }.joined(separator: " ") as NSString))
}
let sentimentSeconds = passes.map { $0.seconds[2] }.sorted()[runs / 2]
let themeSeconds = passes.map { $0.seconds[3] }.sorted()[runs / 2]
print(String(format: "theme tagging / sentiment scoring: %.2f×", themeSeconds / sentimentSeconds))

// Each theme pattern alone, on the comments its prefilters select (a `requires` word, the
// language, a digit — as the tagger selects them): where pattern time goes, for pattern authors.
let analyzedComments = comments.map { textAnalyzer.analyze($0) }
var patternRows: [(seconds: Double, line: String)] = []
for theme in stack.themes.themes {
    for pattern in theme.patterns {
        let selected = analyzedComments.filter { text in
            (pattern.requires.isEmpty || text.tokens.contains { pattern.requires.contains($0.normalized) })
                && (pattern.language == nil || [pattern.language, .undetermined].contains(text.language.language))
                && (!pattern.requiresDigit || text.text.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        }
        var matched = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for text in selected {
            if case .matches(let ranges) = pattern.regex.matches(in: text.text), !ranges.isEmpty { matched += 1 }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        patternRows.append((seconds, String(format: "  %@ %@  runs on %6d comments, matches %6d, %.3f s (%.2f µs per run)",
                                            theme.id as NSString, pattern.origin.description as NSString, selected.count, matched, seconds, selected.isEmpty ? 0 : seconds * 1e6 / Double(selected.count))))
    }
}
// Sentiment and themes each alone in a loop over the analysed comments (no other stage between
// comments to evict their tables from the cache).
let allIDs = analyzedComments.map { lexicons.ids(of: $0) }
let sentiments = zip(analyzedComments, allIDs).map { lexicons.scorer.score($0, ids: $1) }
func alone(_ body: (Int) -> Int) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    var found = 0
    for index in analyzedComments.indices { found += body(index) }
    precondition(found >= 0)
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
let sentimentAlone = alone { lexicons.scorer.score(analyzedComments[$0], ids: allIDs[$0]).contributions.count }
let themesAlone = alone { index in
    let languages = analyzedComments[index].language.languagesToConsult
    return lexicons.themes.tag(analyzedComments[index], ids: allIDs[index], sentiment: sentiments[index], languages: languages).themes.count
}
print(String(format: "each alone in a loop: sentiment %.3f s, themes %.3f s (%.2f×)", sentimentAlone, themesAlone, themesAlone / sentimentAlone))
print("theme patterns alone (one run each):")
for row in patternRows.sorted(by: { $0.seconds > $1.seconds }) { print(row.line) }

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak memory (max RSS): \(usage.ru_maxrss / 1024) MB")
