import Foundation

/// Where input bytes come from: a file or standard input, read in chunks so that an input of any
/// size is read with bounded memory. Owns the file descriptor (closed in `deinit`).
public final class InputSource {
    /// The name used in messages: the path, or `<stdin>`.
    public let name: String
    /// The file's size when known (for progress), nil for a pipe.
    public let size: Int?
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let inMemory: [UInt8]?
    private var inMemoryOffset = 0

    /// Opens `path`; `-` is standard input.
    public init(path: String) throws(InputError) {
        if path == "-" {
            name = "<stdin>"
            inMemory = nil
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            size = nil
            return
        }
        name = path
        inMemory = nil
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError.unreadable(source: path, reason: String(cString: strerror(errno))) }
        ownsDescriptor = true
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw InputError.unreadable(source: path, reason: "it is a directory")
        }
        size = fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }

    /// Bytes already in memory (tests, small inputs), read as if from a file called `name`.
    public init(bytes: [UInt8], name: String) {
        self.name = name
        descriptor = -1
        ownsDescriptor = false
        size = bytes.count
        inMemory = bytes
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Up to `count` more bytes; empty at the end of the input.
    public func read(upTo count: Int) throws(InputError) -> [UInt8] {
        if let inMemory {
            let taken = Array(inMemory[inMemoryOffset..<min(inMemory.count, inMemoryOffset + count)])
            inMemoryOffset += taken.count
            return taken
        }
        var chunk = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = chunk.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(source: name, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            filled += got
        }
        chunk.removeLast(count - filled)
        return chunk
    }
}
