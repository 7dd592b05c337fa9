import Foundation
import VerbatimText

/// One data line of a lexicon TSV file: its fields with their 1-based columns, comment removed.
struct TSVLine {
    var number: Int
    var fields: [(text: String, column: Int)]

    /// The data lines of a file: blank lines and `#` comments left out. A `#` starts a comment
    /// only at the start of a line or after whitespace, so terms such as "#1" stay usable.
    static func lines(of text: String) -> [TSVLine] {
        var result: [TSVLine] = []
        for (offset, raw) in Lines.split(text).enumerated() {
            var content = Substring(raw)
            var previous: Character = " "
            for index in content.indices {
                if content[index] == "#", previous == " " || previous == "\t" {
                    content = content[..<index]
                    break
                }
                previous = content[index]
            }
            guard content.contains(where: { !$0.isWhitespace }) else { continue }
            var fields: [(String, Int)] = []
            var column = 1
            for field in content.split(separator: "\t", omittingEmptySubsequences: false) {
                let leading = field.prefix(while: { $0 == " " }).count
                fields.append((field.trimmingCharacters(in: .whitespaces), column + leading))
                column += field.count + 1
            }
            while let last = fields.last, last.0.isEmpty { fields.removeLast() }
            result.append(TSVLine(number: offset + 1, fields: fields))
        }
        return result
    }
}
