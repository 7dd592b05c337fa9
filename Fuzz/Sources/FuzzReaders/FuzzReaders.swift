import Foundation
import VerbatimAnalysis
import VerbatimIO
import VerbatimLexicon

/// Feeds arbitrary bytes to the readers (as CSV, TSV and JSONL, every encoding path) and every row
/// read to the analyser. A finding is a crash, a sanitizer report, a hang (libFuzzer's -timeout),
/// or a broken promise checked here: rows come in order, a row without analysis says why, and
/// every result row is written as one line (a JSON line parses as an object).
/// Run with the lexicons folder in $VERBATIM_LEXICONS (scripts/fuzz sets it).

final class Fixture: @unchecked Sendable {
    static let shared = Fixture()
    let analyzer: Analyzer

    private init() {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["VERBATIM_LEXICONS"] ?? "lexicons")
        analyzer = try! Analyzer(try! CompiledLexicons(try! LexiconStack(layers: [folder])))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let classifier = RowClassifier(Fixture.shared.analyzer, language: .auto)
    for format in CommentReader.Format.allCases {
        let columns = CommentReader.Columns(text: "1", id: nil)
        guard let rows = try? CommentReader(format: format, columns: columns).rows(Data(bytes), source: "fuzz") else { continue }
        var lastLine = 0
        for row in rows {
            precondition(row.line > lastLine, "rows out of order or repeated")
            lastLine = row.line
            let result = classifier.classify(row)
            precondition(result.analysis != nil || !result.problems.isEmpty, "a row without analysis must say why")
            for writer in [ResultWriter(format: .csv), ResultWriter(format: .jsonl)] {
                var output: [UInt8] = []
                writer.append(result, to: &output)
                precondition(output.last == UInt8(ascii: "\n"), "a result row must end its line")
                if writer.format == .jsonl {
                    precondition(output.dropLast().allSatisfy { $0 != UInt8(ascii: "\n") }, "a JSON line must be one line")
                    precondition((try? JSONSerialization.jsonObject(with: Data(output))) is [String: Any], "a JSON line must parse")
                }
            }
        }
    }
    return 0
}

/// SwiftPM links an executable's entry point under this name; hand over to libFuzzer's driver.
@_cdecl("fuzz_readers_main")
public func fuzzReadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
