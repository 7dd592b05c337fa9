import Foundation
import VerbatimAnalysis
import VerbatimIO
import VerbatimLexicon

/// Feeds arbitrary bytes to the readers (as CSV, TSV and JSONL, every encoding path) and every row
/// read to the analyser. A finding is a crash, a sanitizer report, a hang (libFuzzer's -timeout),
/// or a broken promise checked here: rows are never lost and a row's problems name real codes.
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
            _ = ResultWriter(format: .csv).line(result)
            _ = result.jsonLine
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
