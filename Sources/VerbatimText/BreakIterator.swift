import CICU

/// An ICU word or sentence break iterator. Owns the ICU handle (closed in `deinit`) and reusable
/// result buffers, so one instance belongs to one thread.
public final class BreakIterator {
    /// Which UAX #29 segmentation to run.
    public enum Kind: Sendable {
        case word
        case sentence
    }

    private let handle: OpaquePointer
    private var boundaries: [Int32] = []
    private var statuses: [Int32] = []

    /// Opens an iterator for `kind` and an ICU locale ("en", "da").
    public init(_ kind: Kind, locale: String = "en") throws(TextError) {
        var error: Int32 = 0
        let opened = vt_breaker_open(kind == .word ? VT_BREAK_WORD : VT_BREAK_SENTENCE, locale, &error)
        guard let opened else { throw TextError.icu(operation: "opening a break iterator", code: error) }
        handle = opened
    }

    deinit { vt_breaker_close(handle) }

    /// The boundaries after the start of `units` (UTF-16 offsets, increasing, ending at
    /// `units.count`), each with the ICU rule status of the segment it ends.
    func segments(of units: UnsafeBufferPointer<UInt16>) -> (boundaries: ArraySlice<Int32>, statuses: ArraySlice<Int32>) {
        guard !units.isEmpty else { return ([], []) }
        let capacity = units.count + 1
        if boundaries.count < capacity {
            boundaries = Array(repeating: 0, count: capacity)
            statuses = Array(repeating: 0, count: capacity)
        }
        var error: Int32 = 0
        let count = boundaries.withUnsafeMutableBufferPointer { boundaryBuffer in
            statuses.withUnsafeMutableBufferPointer { statusBuffer in
                vt_breaker_boundaries(
                    handle, units.baseAddress, Int32(units.count), boundaryBuffer.baseAddress,
                    statusBuffer.baseAddress, Int32(capacity), &error)
            }
        }
        // ICU only fails here on allocation failure; the text is then one segment.
        guard count > 0 else { return ([Int32(units.count)], [0]) }
        return (boundaries[0..<Int(count)], statuses[0..<Int(count)])
    }

    /// Boundaries of `text` as Unicode scalar offsets (start and end included), for tests and tools.
    public func boundaries(of text: String) -> [Int] {
        boundaries(ofUTF16: Array(UTF16Text(text).units))
    }

    /// Boundaries of raw UTF-16 code units (which may hold lone surrogates) as scalar offsets.
    public func boundaries(ofUTF16 codeUnits: [UInt16]) -> [Int] {
        codeUnits.withUnsafeBufferPointer { units in
            var cursor = OffsetCursor()
            var result = [0]
            for boundary in segments(of: units).boundaries {
                cursor.advance(to: Int(boundary), in: units)
                result.append(cursor.scalar)
            }
            return result
        }
    }
}
