import BenchmarkSupport
import Foundation
import VerbatimText

/// Tokenizer + normaliser throughput on one core, with baselines measured in the same run.
/// Usage: text-benchmark [MEGABYTES=50] [RUNS=5]
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let megabytes = arguments.first ?? 50
let runs = arguments.dropFirst().first ?? 5

var generator = CorpusGenerator(seed: 2026)
var comments: [String] = []
var bytes = 0
while bytes < megabytes * 1_000_000 {
    let comment = generator.comment()
    bytes += comment.utf8.count
    comments.append(comment)
}
print("corpus: \(comments.count) comments, \(String(format: "%.1f", Double(bytes) / 1e6)) MB (seed 2026), \(runs) runs, one thread")

struct Measurement {
    var name: String
    var seconds: [Double] = []
    var tokens = 0
}

func measure(_ name: String, _ body: () -> Int) -> Measurement {
    var measurement = Measurement(name: name)
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        measurement.tokens = body()
        measurement.seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return measurement
}

let tokenizer = try Tokenizer()
let wordBreaker = try BreakIterator(.word)
let analyzer = try TextAnalyzer()

/// BENCH_ONLY=Tokenizer runs only the cases whose name contains it (for profiling).
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
let cases: [(name: String, body: () -> Int)] = [
    ("baseline: naive Swift split + lowercased()", {
        var count = 0
        for comment in comments {
            for word in comment.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                count += word.lowercased().utf8.count > 0 ? 1 : 0
            }
        }
        return count
    }),
    ("baseline: ICU word break + offsets only", {
        comments.reduce(0) { $0 + wordBreaker.boundaries(of: $1).count - 1 }
    }),
    ("Tokenizer (ICU + spans + NFKC_Casefold)", {
        comments.reduce(0) { $0 + tokenizer.tokenize($1).count }
    }),
    ("TextAnalyzer (+ language, sentences, stems)", {
        comments.reduce(0) { $0 + analyzer.analyze($1).tokens.count }
    }),
]
let results = cases.filter { only == nil || $0.name.contains(only!) }.map { measure($0.name, $0.body) }

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
for result in results {
    let sorted = result.seconds.sorted()
    let median = sorted[sorted.count / 2]
    let name = result.name.padding(toLength: 46, withPad: " ", startingAt: 0)
    print(String(
        format: "%@ median %6.2f MB/s  %6.2f M tokens/s  %8.0f comments/s  (runs: %@ s)", name,
        Double(bytes) / 1e6 / median, Double(result.tokens) / 1e6 / median, Double(comments.count) / median,
        result.seconds.map { String(format: "%.2f", $0) }.joined(separator: " ")))
}
print("peak memory (max RSS): \(usage.ru_maxrss / 1024) MB")
