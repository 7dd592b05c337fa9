import CPCRE2

/// A PCRE2 pattern compiled once (UTF, UCP, caseless, JIT where available) and matched with
/// match and depth limits, so a pathological pattern or comment is a reported problem, never a
/// hang. The compiled code is read-only after compilation and PCRE2 allows sharing it between
/// threads; match data is created per call.
public final class PCRE2Regex: @unchecked Sendable {
    /// A pattern that does not compile, with PCRE2's message and the offset (in code units) of
    /// the problem in the pattern.
    public struct CompileError: Error, Hashable, Sendable {
        public var message: String
        public var offset: Int
    }

    /// How one match attempt ended.
    public enum Outcome: Hashable, Sendable {
        /// UTF-8 byte ranges of every non-overlapping match.
        case matches([Range<Int>])
        /// The match or depth limit was hit: the pattern is too costly for this text.
        case limitExceeded(String)
        case failed(String)
    }

    /// Backtracking steps allowed per match attempt (PCRE2's default is ten million).
    public static let matchLimit: UInt32 = 100_000
    /// Nested backtracking depth allowed.
    public static let depthLimit: UInt32 = 10_000
    /// The JIT stack a match may grow to when PCRE2's default (32 KB) is not enough: a price
    /// pattern on a run-on comment of a few thousand words needs more. Work stays bounded by
    /// `matchLimit`.
    public static let largeJITStack = 8 << 20

    public let pattern: String
    private let code: OpaquePointer
    private let context: OpaquePointer

    public init(_ pattern: String) throws(CompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS)
        let compiled = pattern.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw CompileError(message: Self.message(errorCode), offset: errorOffset)
        }
        pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))  // falls back to the interpreter when JIT is unavailable
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            throw CompileError(message: "out of memory", offset: 0)
        }
        pcre2_set_match_limit_8(context, Self.matchLimit)
        pcre2_set_depth_limit_8(context, Self.depthLimit)
        self.pattern = pattern
        self.code = compiled
        self.context = context
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// Every match in `text` (UTF-8 byte ranges), or why matching stopped.
    public func matches(in text: String) -> Outcome {
        matches(in: text, within: nil)
    }

    /// Every match in `text` that lies inside one of `spans` (UTF-8 byte ranges, ascending, not
    /// overlapping; nil: the whole text), or why matching stopped. Each span is matched as if the
    /// text ended there (`$` does not match at a span end inside the text); lookbehinds still see
    /// the text before the span.
    public func matches(in text: String, within spans: ArraySlice<Range<Int>>?) -> Outcome {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return .failed("out of memory") }
        defer { pcre2_match_data_free_8(data) }
        // Made only for a subject that needs it, and per call: a JIT stack must not serve two threads at once.
        var largeStack: LargeStackContext?
        var text = text
        return text.withUTF8 { bytes -> Outcome in
            var found: [Range<Int>] = []
            for span in spans ?? [0..<bytes.count][...] {
                // A Swift string is valid UTF-8: PCRE2's check of the whole subject on every call is skipped.
                let options = UInt32(PCRE2_NO_UTF_CHECK) | (span.upperBound < bytes.count ? UInt32(PCRE2_NOTEOL) : 0)
                var start = span.lowerBound
                while start <= span.upperBound {
                    var result = pcre2_match_8(code, bytes.baseAddress, span.upperBound, start, options, data, largeStack?.context ?? context)
                    if result == PCRE2_ERROR_JIT_STACKLIMIT, largeStack == nil, let made = LargeStackContext(copying: context) {
                        // Again with a larger stack, kept for the rest of this call.
                        largeStack = made
                        result = pcre2_match_8(code, bytes.baseAddress, span.upperBound, start, options, data, made.context)
                    }
                    if result == PCRE2_ERROR_NOMATCH { break }
                    if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT || result == PCRE2_ERROR_HEAPLIMIT
                        || result == PCRE2_ERROR_JIT_STACKLIMIT
                    {
                        return .limitExceeded(Self.message(result))
                    }
                    guard result > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return .failed(Self.message(result)) }
                    let range = Int(vector[0])..<Int(vector[1])
                    found.append(range)
                    start = range.upperBound
                    if range.isEmpty {
                        // Past an empty match, to the next character's first byte: with the UTF check
                        // skipped, a start inside a character would be undefined behaviour.
                        start += 1
                        while start < span.upperBound, bytes[start] & 0xC0 == 0x80 { start += 1 }
                    }
                }
            }
            return .matches(found)
        }
    }

    private static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A copy of a pattern's match context with a JIT stack of up to `PCRE2Regex.largeJITStack`
/// bytes assigned: both freed together.
private final class LargeStackContext {
    let context: OpaquePointer
    private let stack: OpaquePointer

    init?(copying original: OpaquePointer) {
        guard let copy = pcre2_match_context_copy_8(original) else { return nil }
        guard let stack = pcre2_jit_stack_create_8(64 << 10, PCRE2Regex.largeJITStack, nil) else {
            pcre2_match_context_free_8(copy)
            return nil
        }
        pcre2_jit_stack_assign_8(copy, nil, UnsafeMutableRawPointer(stack))
        (context, self.stack) = (copy, stack)
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_jit_stack_free_8(stack)
    }
}
