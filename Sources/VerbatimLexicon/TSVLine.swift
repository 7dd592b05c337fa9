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
            // Work on scalars: lexicon files are large and Character iteration is slow.
            let scalars = raw.unicodeScalars
            var end = scalars.endIndex
            var previous: Unicode.Scalar = " "
            for index in scalars.indices {
                if scalars[index] == "#", previous == " " || previous == "\t" {
                    end = index
                    break
                }
                previous = scalars[index]
            }
            let content = scalars[scalars.startIndex..<end]
            guard content.contains(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { continue }
            var fields: [(String, Int)] = []
            var column = 1
            for field in content.split(separator: "\t", omittingEmptySubsequences: false) {
                let leading = field.prefix(while: { $0 == " " }).count
                var trimmed = field.dropFirst(leading)
                while let last = trimmed.last, last == " " { trimmed = trimmed.dropLast() }
                fields.append((String(String.UnicodeScalarView(trimmed)), column + leading))
                column += field.count + 1
            }
            while let last = fields.last, last.0.isEmpty { fields.removeLast() }
            result.append(TSVLine(number: offset + 1, fields: fields))
        }
        return result
    }
}
