import BenchmarkSupport
import Foundation

/// Writes a survey export for the classify benchmark: `id,lang,channel,score,text` as CSV, one
/// generated bilingual comment per row, deterministic for a seed.
/// Usage: export-generator ROWS OUTPUT.csv [SEED=2026]
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, let rows = Int(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: export-generator ROWS OUTPUT.csv [SEED]\n".utf8))
    exit(2)
}
var generator = CorpusGenerator(seed: arguments.count > 2 ? UInt64(arguments[2]) ?? 2026 : 2026)
var random = SplitMix64(seed: 7)
let channels = ["Web", "App", "Telefon", "Phone", "E-mail", "Chat", "Butik", "Store", "Levering", "Faktura", "Support"]
guard FileManager.default.createFile(atPath: arguments[1], contents: nil), let output = FileHandle(forWritingAtPath: arguments[1]) else {
    FileHandle.standardError.write(Data("cannot write \(arguments[1])\n".utf8))
    exit(1)
}
var block = "id,lang,channel,score,text\n"
for number in 1...rows {
    let (language, text) = generator.labelledComment()
    let quoted = text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    block += "r\(number),\(language),\(channels[Int(random.next() % UInt64(channels.count))]),\(random.next() % 11),\(quoted)\n"
    if block.utf8.count > 1 << 20 {
        output.write(Data(block.utf8))
        block = ""
    }
}
output.write(Data(block.utf8))
