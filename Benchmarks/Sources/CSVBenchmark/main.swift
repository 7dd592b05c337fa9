import CSV
import Foundation
import VerbatimIO

/// Reading a CSV export: CSV.swift (yaslab/CSV.swift, a maintained RFC 4180 reader) against
/// Verbatim's own byte-level reader, on the same file, median of RUNS.
/// Usage: csv-benchmark EXPORT.csv [RUNS=5]
let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: csv-benchmark EXPORT.csv [RUNS]\n".utf8))
    exit(2)
}
let runs = arguments.count > 1 ? Int(arguments[1]) ?? 5 : 5
let megabytes = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6

func median(_ name: String, _ body: () throws -> Int) rethrows {
    var seconds: [Double] = []
    var rows = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        rows = try body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let middle = seconds.sorted()[seconds.count / 2]
    print(String(format: "%-44@ %8.3f s  %7.1f MB/s  %10.0f rows/s  (%d rows)", name as NSString, middle, megabytes / middle, Double(rows) / middle, rows))
}

print(String(format: "%@: %.1f MB, median of %d runs, one thread", path as NSString, megabytes, runs))
try median("CSV.swift 2.5.2 (CSVReader, stream, header)") {
    guard let stream = InputStream(fileAtPath: path) else { return 0 }
    let reader = try CSVReader(stream: stream, hasHeaderRow: true)
    var rows = 0
    while let row = reader.next() {
        if !row.isEmpty { rows += 1 }
    }
    return rows
}
try median("Verbatim CommentReader (streaming, columns)") {
    var stream = try CommentReader(format: .csv, columns: .init(text: "text", id: "id")).open(InputSource(path: path))
    var rows = 0
    while true {
        let chunk = try stream.next(maxRows: 4096)
        if chunk.isEmpty { return rows }
        rows += chunk.count
    }
}
