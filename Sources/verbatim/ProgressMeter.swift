import Foundation
import VerbatimIO

/// Progress of a long run on a terminal's stderr: rows, rows/s and, when the input's size is
/// known, the time left. Redrawn at most twice a second on one line.
final class ProgressMeter {
    private let totalBytes: Int?
    private let start = Date()
    private var lastDrawn = Date.distantPast

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    func update(_ progress: BatchRunner.Progress) {
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.5 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rows = progress.account.rowsWritten
        var line = "\r\(rows) rows, \(Int(Double(rows) / elapsed)) rows/s"
        if let totalBytes, totalBytes > 0, progress.bytesRead > 0 {
            let fraction = min(1, Double(progress.bytesRead) / Double(totalBytes))
            line += String(format: ", %.0f%%, about %.0f s left", fraction * 100, elapsed / max(fraction, 0.001) * (1 - fraction))
        }
        FileHandle.standardError.write(Data((line + "   ").utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
