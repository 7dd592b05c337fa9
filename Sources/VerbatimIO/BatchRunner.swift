import Foundation
import VerbatimAnalysis
import VerbatimText

/// Classifies a stream of rows on every core with bounded memory: the calling thread reads chunks
/// of rows and writes results, worker threads (one `RowClassifier` each) classify chunks, and
/// results are written in input order — so the output bytes do not depend on the thread count.
/// At most `4 × threads` chunks are in flight, whatever the input's size.
public struct BatchRunner {
    public let lexicons: CompiledLexicons
    public let language: TextAnalyzer.LanguageChoice
    public let threads: Int
    public let rowsPerChunk: Int
    /// The survey's score type for flags; nil: told from the scores of the first chunk.
    public let scoreType: ScoreType?

    public init(lexicons: CompiledLexicons, language: TextAnalyzer.LanguageChoice = .auto, threads: Int, rowsPerChunk: Int = 256, scoreType: ScoreType? = nil) {
        self.lexicons = lexicons
        self.language = language
        self.scoreType = scoreType
        self.threads = max(1, threads)
        self.rowsPerChunk = max(1, rowsPerChunk)
    }

    /// What a progress report sees after each chunk written.
    public struct Progress: Sendable {
        public var account: RowAccount
        public var bytesRead: Int
    }

    /// Reads all of `stream`, writes every result row to `sink` through `writer`, and returns
    /// the row accounting. The sink is flushed, not committed.
    public func run(_ stream: inout CommentStream, writer: ResultWriter, to sink: OutputSink, progress: ((Progress) -> Void)? = nil) throws -> RowAccount {
        try run(&stream, writer: writer, to: sink, summarizing: NoSummary.self, options: (), progress: progress).account
    }

    /// The same, also summarising the rows: each chunk is summarised by its worker and the
    /// chunk summaries merged in input order. `eachChunk` sees every chunk's summary first, on
    /// the calling thread and in input order (to stream out what should not pile up in memory).
    public func run<Summary: ChunkSummary>(
        _ stream: inout CommentStream, writer: ResultWriter, to sink: OutputSink, summarizing: Summary.Type, options: Summary.Options,
        eachChunk: ((inout Summary) throws -> Void)? = nil, progress: ((Progress) -> Void)? = nil
    ) throws -> (account: RowAccount, summary: Summary) {
        try sink.write(writer.header)
        var account = RowAccount()
        var summary = Summary(options)
        // The score type, when not given, from the scores of the first chunk: above 7 NPS, above 5
        // CES, else CSAT (scores on 1-5 only). The chunk is then processed as any other.
        var firstRows = try stream.next(maxRows: rowsPerChunk)
        let scores = firstRows.compactMap { $0.score.flatMap(RowClassifier.score) }
        let type = scoreType ?? scores.max().map(ScoreType.detect(maximum:))
        func nextRows() throws -> [InputRow] {
            if !firstRows.isEmpty { defer { firstRows = [] }; return firstRows }
            return try stream.next(maxRows: rowsPerChunk)
        }
        /// Takes one finished chunk, in input order.
        func take(_ chunk: inout ChunkOutput<Summary>, bytesRead: Int) throws {
            try eachChunk?(&chunk.summary)
            try sink.write(chunk.bytes)
            account.merge(chunk.account)
            summary.merge(chunk.summary)
            progress?(Progress(account: account, bytesRead: bytesRead))
        }
        if threads == 1 {
            let classifier = RowClassifier(try Analyzer(lexicons), language: language, scoreType: type)
            while true {
                let rows = try nextRows()
                if rows.isEmpty { break }
                var chunk = Self.process(rows, with: classifier, writer: writer, summary: Summary(options))
                try take(&chunk, bytesRead: stream.bytesRead)
            }
            try sink.flush()
            return (account, summary)
        }
        let pool = WorkerPool<Summary>(threads: threads, lexicons: lexicons, language: language, scoreType: type, writer: writer, options: options)
        defer { pool.finish() }
        let maximumInFlight = threads * 4
        var nextToSubmit = 0, nextToWrite = 0
        var exhausted = false
        while !exhausted || nextToWrite < nextToSubmit {
            while !exhausted && nextToSubmit - nextToWrite < maximumInFlight {
                let rows = try nextRows()
                if rows.isEmpty {
                    exhausted = true
                } else {
                    pool.submit(rows, number: nextToSubmit)
                    nextToSubmit += 1
                }
            }
            guard nextToWrite < nextToSubmit else { break }
            var chunk = try pool.result(number: nextToWrite)
            nextToWrite += 1
            try take(&chunk, bytesRead: stream.bytesRead)
        }
        try sink.flush()
        return (account, summary)
    }

    /// One chunk's output: its result lines (UTF-8), accounting and summary.
    struct ChunkOutput<Summary: ChunkSummary> {
        var bytes: [UInt8] = []
        var account = RowAccount()
        var summary: Summary
    }

    static func process<Summary: ChunkSummary>(_ rows: [InputRow], with classifier: RowClassifier, writer: ResultWriter, summary: Summary) -> ChunkOutput<Summary> {
        var output = ChunkOutput<Summary>(summary: summary)
        output.bytes.reserveCapacity(rows.count * 1024)
        for row in rows {
            let result = classifier.classify(row)
            output.account.count(result)
            output.summary.add(result)
            writer.append(result, to: &output.bytes)
        }
        return output
    }
}

/// What the batch runner can build alongside the result rows: a summary added to row by row in
/// each chunk, with chunk summaries merged in input order (insights' mergeable summary).
public protocol ChunkSummary: Sendable {
    associatedtype Options: Sendable
    init(_ options: Options)
    mutating func add(_ row: ResultRow)
    mutating func merge(_ other: Self)
}

/// No summary.
public struct NoSummary: ChunkSummary {
    public init(_ options: Void) {}
    public mutating func add(_ row: ResultRow) {}
    public mutating func merge(_ other: NoSummary) {}
}

/// The worker threads of a `BatchRunner` and the queues between them and the calling thread.
/// A class because the threads share it; all state is guarded by one condition lock.
///
/// The first worker classifies with the lexicons the run was given, every other one with a
/// private copy (`CompiledLexicons.privateCopy`) loaded in its own thread, so that no two cores
/// count references on the same storage. Where no copy can be made (the files were edited
/// since), a worker shares the lexicons the run was given.
private final class WorkerPool<Summary: ChunkSummary>: @unchecked Sendable {
    private let condition = NSCondition()
    private var tasks: [(number: Int, rows: [InputRow])] = []
    private var results: [Int: BatchRunner.ChunkOutput<Summary>] = [:]
    private var closed = false
    private var running = 0
    /// Why a worker could not start (its analyser could not be built); ends the run.
    private var startFailure: TextError?

    init(threads: Int, lexicons: CompiledLexicons, language: TextAnalyzer.LanguageChoice, scoreType: ScoreType?, writer: ResultWriter, options: Summary.Options) {
        running = threads
        for index in 0..<threads {
            let thread = Thread { [self] in
                let classifier: RowClassifier
                do throws(TextError) {
                    let own = index == 0 ? lexicons : lexicons.privateCopy() ?? lexicons
                    classifier = RowClassifier(try Analyzer(own), language: language, scoreType: scoreType)
                } catch {
                    condition.lock()
                    startFailure = error
                    running -= 1
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                work(classifier, writer: writer, options: options)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    func submit(_ rows: [InputRow], number: Int) {
        condition.lock()
        tasks.append((number, rows))
        condition.signal()
        condition.unlock()
    }

    /// Waits for chunk `number`'s output.
    func result(number: Int) throws(TextError) -> BatchRunner.ChunkOutput<Summary> {
        condition.lock()
        defer { condition.unlock() }
        while results[number] == nil {
            if let startFailure { throw startFailure }
            condition.wait()
        }
        return results.removeValue(forKey: number)!
    }

    /// Lets the workers run out of work and waits for them to end.
    func finish() {
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func work(_ classifier: RowClassifier, writer: ResultWriter, options: Summary.Options) {
        while true {
            condition.lock()
            while tasks.isEmpty && !closed { condition.wait() }
            if tasks.isEmpty {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let task = tasks.removeFirst()
            condition.unlock()
            let output = BatchRunner.process(task.rows, with: classifier, writer: writer, summary: Summary(options))
            condition.lock()
            results[task.number] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
