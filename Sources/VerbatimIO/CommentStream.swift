/// The rows of one input, read chunk by chunk with bounded memory: the encoding told from the
/// first megabyte, the header read and its columns resolved when the stream opens, then rows on
/// demand. A Qualtrics export's two extra header rows (question texts, import ids) are skipped.
public struct CommentStream {
    public let encoding: InputEncoding
    /// The names of the kept columns (`Columns.keep`), as the header writes them.
    public private(set) var keptColumnNames: [String] = []
    /// Header lines that are not data (1 for a CSV header, 3 for a Qualtrics export).
    public private(set) var headerLines = 0
    /// Bytes of input read so far (for progress).
    public private(set) var bytesRead = 0

    private let source: InputSource
    private let format: CommentReader.Format
    private let columns: CommentReader.Columns
    private var transcoder: UTF8Transcoder
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The 1-based line of the next record.
    private var line = 1
    private var scanner = DelimitedRecordScanner(delimiter: UInt8(ascii: ","))
    private var columnIndexes = ColumnIndexes()
    /// Records read while looking for a Qualtrics header, not yet returned.
    private var pending: [(line: Int, record: DelimitedRecordScanner.Record)] = []

    private struct ColumnIndexes {
        var text = 0, id: Int?, language: Int?, touchpoint: Int?, score: Int?, kept: [Int] = [], headerCount = 0
    }

    static let chunkSize = 1 << 20

    init(source: InputSource, format: CommentReader.Format, columns: CommentReader.Columns) throws(InputError) {
        self.source = source
        self.format = format
        self.columns = columns
        let first = try source.read(upTo: Self.chunkSize)
        bytesRead = first.count
        encoding = InputEncoding.detect(first, isWholeFile: first.count < Self.chunkSize)
        transcoder = UTF8Transcoder(encoding)
        buffer = transcoder.transcode(first, isLast: first.count < Self.chunkSize)
        atEnd = first.count < Self.chunkSize
        if format == .jsonl { keptColumnNames = columns.keep } else { try readHeader() }
    }

    /// Up to `maxRows` more rows; empty at the end of the input.
    public mutating func next(maxRows: Int) throws(InputError) -> [InputRow] {
        var rows: [InputRow] = []
        rows.reserveCapacity(maxRows)
        while rows.count < maxRows {
            let row: InputRow?
            switch format {
            case .jsonl: row = try nextJSONRow()
            case .csv, .tsv: row = try nextDelimitedRecord().map { delimitedRow($0.line, $0.record) }
            }
            guard let row else { break }
            rows.append(row)
        }
        return rows
    }

    // MARK: Bytes

    /// Appends the next chunk (at least `atLeast` bytes when the input has them).
    private mutating func readMore(atLeast: Int) throws(InputError) {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = try source.read(upTo: max(Self.chunkSize, atLeast))
        bytesRead += chunk.count
        atEnd = chunk.isEmpty
        buffer += transcoder.transcode(chunk, isLast: atEnd)
    }

    // MARK: Delimited

    private mutating func readHeader() throws(InputError) {
        let delimiter = format == .tsv ? UInt8(ascii: "\t") : DelimitedRecordScanner.sniffDelimiter(buffer)
        scanner = DelimitedRecordScanner(delimiter: delimiter)
        guard let (_, header) = try nextDelimitedRecord() else { return }
        headerLines = header.lineBreaks
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        scanner.expectedFieldCount = names.count
        func index(_ name: String) throws(InputError) -> Int {
            if let number = Int(name), number >= 1, number <= names.count { return number - 1 }
            if let index = names.firstIndex(of: name.trimmingCharacters(in: .whitespaces).lowercased()) { return index }
            throw InputError.missingColumn(source: source.name, column: name, available: header.fields)
        }
        columnIndexes.headerCount = names.count
        columnIndexes.text = try index(columns.text)
        if let id = columns.id, names.contains(id.lowercased()) || Int(id) != nil { columnIndexes.id = try index(id) }
        columnIndexes.language = try columns.language.map { name throws(InputError) in try index(name) }
        columnIndexes.touchpoint = try columns.touchpoint.map { name throws(InputError) in try index(name) }
        columnIndexes.score = try columns.score.map { name throws(InputError) in try index(name) }
        for name in columns.keep {
            let position = try index(name)
            columnIndexes.kept.append(position)
            keptColumnNames.append(header.fields[position].trimmingCharacters(in: .whitespaces))
        }
        // Qualtrics: row 2 holds the question texts, row 3 `{"ImportId":"QID1"}` cells.
        var lookahead: [(line: Int, record: DelimitedRecordScanner.Record)] = []
        for _ in 0..<2 {
            guard let next = try nextDelimitedRecord() else { break }
            lookahead.append(next)
        }
        if lookahead.count == 2, lookahead[1].record.fields.contains(where: { $0.hasPrefix("{\"ImportId\"") }) {
            headerLines += lookahead[0].record.lineBreaks + lookahead[1].record.lineBreaks
        } else {
            pending = lookahead
        }
    }

    /// The next non-blank record and the line it starts on.
    private mutating func nextDelimitedRecord() throws(InputError) -> (line: Int, record: DelimitedRecordScanner.Record)? {
        if !pending.isEmpty { return pending.removeFirst() }
        var wanted = 0
        while true {
            let outcome = buffer.withUnsafeBufferPointer { scanner.scan($0, from: position, isEnd: atEnd) }
            switch outcome {
            case .end:
                return nil
            case .needsMoreInput:
                // Ask for at least as much again as is buffered: a long record costs linear time.
                wanted = max(wanted * 2, buffer.count - position + Self.chunkSize)
                try readMore(atLeast: wanted)
            case .record(let record, let end):
                let start = line
                line += record.lineBreaks
                position = end
                if record.isBlank { continue }
                return (start, record)
            }
        }
    }

    private func delimitedRow(_ line: Int, _ record: DelimitedRecordScanner.Record) -> InputRow {
        var problems: [RowProblem] = []
        if let problem = record.problem { problems.append(RowProblem(code: "malformed_row", message: "line \(line): \(problem)")) }
        if record.fields.count != columnIndexes.headerCount {
            problems.append(RowProblem(code: "field_count", message: "line \(line): \(record.fields.count) fields where the header has \(columnIndexes.headerCount)"))
        }
        if record.repairedUTF8 { problems.append(RowProblem(code: "invalid_utf8_replaced", message: "bytes that are not UTF-8 were replaced by U+FFFD")) }
        func cell(_ index: Int?) -> String? {
            guard let index, index < record.fields.count else { return nil }
            return record.fields[index]
        }
        let text = cell(columnIndexes.text)
        if text == nil { problems.append(RowProblem(code: "missing_text", message: "line \(line): the row has no '\(columns.text)' field")) }
        if encoding == .windows1252, record.fields.contains(where: { $0.utf8.contains { $0 >= 0x80 } }) {
            problems.append(RowProblem(code: "decoded_windows_1252", message: "the input is not UTF-8; read as Windows-1252"))
        }
        return InputRow(
            line: line, id: cell(columnIndexes.id), text: text, language: cell(columnIndexes.language), touchpoint: cell(columnIndexes.touchpoint),
            score: cell(columnIndexes.score), kept: columnIndexes.kept.map { cell($0) ?? "" }, problems: problems)
    }

    // MARK: JSONL

    private mutating func nextJSONRow() throws(InputError) -> InputRow? {
        while true {
            var end = position
            while true {
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                if end < buffer.count || atEnd { break }
                let scanned = end - position
                try readMore(atLeast: 0)
                end = position + scanned
            }
            guard position < buffer.count else { return nil }
            let number = line
            line += 1
            var lineEnd = end
            if lineEnd > position, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let bytes = Array(buffer[position..<lineEnd])
            position = min(end + 1, buffer.count)
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return jsonRow(bytes, line: number)
        }
    }

    private func jsonRow(_ bytes: [UInt8], line number: Int) -> InputRow {
        var parser = JSONParser(bytes)
        do {
            let value = try parser.parse()
            var problems = parser.repairs.map {
                RowProblem(code: $0.rawValue, message: $0 == .loneSurrogate ? "a lone UTF-16 surrogate escape was replaced by U+FFFD" : "invalid UTF-8 was replaced by U+FFFD")
            }
            guard case .object = value else {
                return InputRow(line: number, problems: [RowProblem(code: "not_an_object", message: "line \(number) is JSON but not an object")])
            }
            let text = value[columns.text]?.text
            if text == nil { problems.append(RowProblem(code: "missing_text", message: "line \(number): no '\(columns.text)' member")) }
            return InputRow(
                line: number, id: columns.id.flatMap { value[$0]?.text }, text: text,
                language: columns.language.flatMap { value[$0]?.text }, touchpoint: columns.touchpoint.flatMap { value[$0]?.text },
                score: columns.score.flatMap { value[$0]?.text }, kept: columns.keep.map { value[$0]?.text ?? "" }, problems: problems)
        } catch {
            return InputRow(line: number, problems: [RowProblem(code: "invalid_json", message: "line \(number), \(error)")])
        }
    }
}
