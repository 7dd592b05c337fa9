/// CSV and TSV per RFC 4180: fields in double quotes may hold the delimiter, quotes (doubled) and
/// line breaks; CRLF or LF line ends; a UTF-8 byte-order mark is dropped. A malformed record (an
/// unclosed quote) is reported with its line and never swallows the records after it: an
/// unclosed quote ends at the end of its line.
public struct DelimitedReader: Sendable {
    /// One record: its fields and the 1-based line it starts on.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
        /// What was wrong with it, if anything ("unclosed quote").
        public var problem: String?
    }

    public var delimiter: Character

    public init(delimiter: Character) {
        self.delimiter = delimiter
    }

    /// Picks `,`, `;` or tab from the first line: the one that occurs most outside quotes
    /// (Danish Excel writes `;`).
    public static func sniff(_ text: Substring) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in firstLine {
            if character == "\"" { quoted.toggle() }
            if !quoted, counts[character] != nil { counts[character]! += 1 }
        }
        return counts.max { $0.value < $1.value || $0.value == $1.value && $0.key == "," }.map { $0.value > 0 ? $0.key : "," } ?? ","
    }

    public func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var fieldStarted = false
        var problem: String?
        var characters = Substring(text)
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var index = characters.startIndex
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && problem == nil) {
                records.append(Record(line: recordLine, fields: fields, problem: problem))
            }
            fields = []
            field = ""
            problem = nil
            fieldStarted = false
        }
        while index < characters.endIndex {
            let character = characters[index]
            let next = characters.index(after: index)
            if quoted {
                if character == "\"" {
                    if next < characters.endIndex, characters[next] == "\"" {
                        field.append("\"")
                        index = characters.index(after: next)
                        continue
                    }
                    quoted = false
                } else if character == "\n" || character == "\r\n" || character == "\r" {
                    // A line break inside quotes belongs to the field, unless the quote never closes:
                    // look ahead for a closing quote before the next line that starts a new record.
                    if Self.closes(characters[next...]) {
                        field.append("\n")
                        line += 1
                    } else {
                        problem = "unclosed quote; the field ends at the end of line \(line)"
                        quoted = false
                        line += 1
                        endRecord()
                        recordLine = line
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && !fieldStarted {
                quoted = true
                fieldStarted = true
            } else if character == delimiter {
                fields.append(field)
                field = ""
                fieldStarted = false
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                endRecord()
                recordLine = line
            } else {
                field.append(character)
                fieldStarted = true
            }
            index = next
        }
        if quoted { problem = "unclosed quote at the end of the file" }
        if !field.isEmpty || !fields.isEmpty || problem != nil { endRecord() }
        return records
    }

    /// Whether a quote closes before the text runs out (exports rarely hold a quoted field of
    /// more than a few thousand characters; beyond 100,000 the quote is taken as unclosed).
    private static func closes(_ rest: Substring) -> Bool {
        rest.prefix(100_000).contains("\"")
    }
}
