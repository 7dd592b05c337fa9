import Foundation

/// Where result bytes go: standard output, or a file written atomically — into a temporary file
/// beside it, renamed over the target only by `commit()`, so that a failed or interrupted run
/// never leaves a half-written result where the last good one was. Owns the descriptor.
public final class OutputSink {
    public let name: String
    private let descriptor: Int32
    private let temporaryPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []
    private var committed = false

    /// A sink that drops what it is given (when only a summary is wanted).
    public init(discarding: Void) {
        name = "<discarded>"
        descriptor = -1
        temporaryPath = nil
        finalPath = nil
    }

    /// `-` is standard output.
    public init(path: String) throws(InputError) {
        if path == "-" {
            name = "<stdout>"
            descriptor = STDOUT_FILENO
            temporaryPath = nil
            finalPath = nil
            return
        }
        name = path
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw InputError.unwritable(target: path, reason: String(cString: strerror(errno))) }
        temporaryPath = temporary
        finalPath = path
    }

    deinit {
        if temporaryPath != nil {
            close(descriptor)
            if !committed, let temporaryPath { unlink(temporaryPath) }
        }
    }

    /// Buffers `text`, writing out in blocks of a megabyte.
    public func write(_ text: String) throws(InputError) {
        buffer += text.utf8
        try flushWhenFull()
    }

    /// Buffers UTF-8 `bytes`, writing out in blocks of a megabyte.
    public func write(_ bytes: [UInt8]) throws(InputError) {
        buffer += bytes
        try flushWhenFull()
    }

    private func flushWhenFull() throws(InputError) {
        if buffer.count >= 1 << 20 { try flush() }
    }

    public func flush() throws(InputError) {
        if descriptor < 0 {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError.unwritable(target: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends the bytes of a committed file sink, then deletes that file (to join parts).
    public func append(contentsOf part: OutputSink) throws(InputError) {
        guard let path = part.finalPath else { return }
        let source = Foundation.open(path, O_RDONLY)
        guard source >= 0 else { throw InputError.unreadable(source: path, reason: String(cString: strerror(errno))) }
        defer {
            close(source)
            unlink(path)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(source, $0.baseAddress!, $0.count) }
            if got < 0 { throw InputError.unreadable(source: path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            buffer.append(contentsOf: chunk[0..<got])
            if buffer.count >= 1 << 20 { try flush() }
        }
    }

    /// Writes what is buffered and, for a file, moves it into place.
    public func commit() throws(InputError) {
        try flush()
        guard let temporaryPath, let finalPath else { return }
        guard fsync(descriptor) == 0, rename(temporaryPath, finalPath) == 0 else {
            throw InputError.unwritable(target: finalPath, reason: String(cString: strerror(errno)))
        }
        committed = true
    }
}
