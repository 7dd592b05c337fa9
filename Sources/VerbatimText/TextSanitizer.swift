/// Brings a comment's raw text into a form the text layer takes, and says what it repaired:
/// invalid UTF-8 becomes U+FFFD, control characters (NUL and the like; tab and line breaks stay)
/// become spaces so that offsets still match the text as given, and text beyond a length limit
/// is cut at a word boundary. These are the `problems` of a result row.
public struct TextSanitizer: Sendable {
    /// Longest comment analysed, in Unicode scalars; longer ones are truncated (and reported).
    public var maximumScalars: Int

    public init(maximumScalars: Int = 100_000) {
        self.maximumScalars = maximumScalars
    }

    /// Repairs raw bytes that should be UTF-8.
    public func sanitize(bytes: some Collection<UInt8>) -> SanitizedText {
        if let valid = String(validating: bytes, as: UTF8.self) {
            return sanitize(valid)
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        let written = bytes.withContiguousStorageIfAvailable { Self.countEncodedReplacements($0) }
            ?? Self.countEncodedReplacements(Array(bytes).withUnsafeBufferPointer { $0 })
        let replaced = decoded.unicodeScalars.count { $0 == "\u{FFFD}" } - written
        var result = sanitize(decoded)
        result.problems.insert(.invalidUTF8Replaced(count: max(replaced, 1)), at: 0)
        return result
    }

    /// Repairs a string (control characters, length).
    public func sanitize(_ text: String) -> SanitizedText {
        var problems: [TextProblem] = []
        var text = text
        let (controls, scalarCount) = text.utf8.withContiguousStorageIfAvailable(Self.measure) ?? Self.measure(Array(text.utf8))
        if controls > 0 {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isRemovableControl($0) ? " " : $0 }))
            problems.append(.controlCharactersReplaced(count: controls))
        }
        if scalarCount > maximumScalars {
            text = Self.truncate(text, to: maximumScalars)
            problems.append(.truncated(originalScalars: scalarCount, keptScalars: text.unicodeScalars.count))
        }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            problems.append(.empty)
        }
        return SanitizedText(text: text, problems: problems)
    }

    private static func isRemovableControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 && isRemovableControl(UInt8(scalar.value))
    }

    private static func isRemovableControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r")) || byte == 0x7F
    }

    /// The removable control characters and the Unicode scalars of valid UTF-8, in one pass over
    /// its bytes (this runs for every comment; the controls are ASCII, one byte each).
    private static func measure(_ utf8: some Collection<UInt8>) -> (controls: Int, scalars: Int) {
        var controls = 0
        var scalars = 0
        for byte in utf8 {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte < 0x80, isRemovableControl(byte) { controls += 1 }
        }
        return (controls, scalars)
    }

    /// The first `limit` scalars, cut back to the last whitespace within 200 scalars of the limit.
    private static func truncate(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: limit)
        var cut = end
        var lookBack = 0
        var index = end
        while index > scalars.startIndex, lookBack < 200 {
            index = scalars.index(before: index)
            lookBack += 1
            if scalars[index].properties.isWhitespace {
                cut = index
                break
            }
        }
        return String(scalars[..<cut])
    }

    private static func countEncodedReplacements(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count >= 3 else { return 0 }
        var count = 0
        for index in 0..<(bytes.count - 2) where bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
            count += 1
        }
        return count
    }
}

/// A comment ready for analysis and what was repaired in it.
public struct SanitizedText: Hashable, Sendable {
    public var text: String
    public var problems: [TextProblem]
}

/// A repair made to a comment's text, reported in the result row's `problems`.
public enum TextProblem: Hashable, Sendable {
    /// Byte sequences that were not UTF-8 were replaced by U+FFFD.
    case invalidUTF8Replaced(count: Int)
    /// NUL and other control characters were replaced by spaces.
    case controlCharactersReplaced(count: Int)
    /// The comment was longer than the limit and was cut.
    case truncated(originalScalars: Int, keptScalars: Int)
    /// Nothing but whitespace (or nothing at all).
    case empty

    /// A stable identifier for machine-readable output.
    public var code: String {
        switch self {
        case .invalidUTF8Replaced: "invalid_utf8_replaced"
        case .controlCharactersReplaced: "control_characters_replaced"
        case .truncated: "text_truncated"
        case .empty: "empty_text"
        }
    }

    public var message: String {
        switch self {
        case .invalidUTF8Replaced(let count): "\(count) invalid UTF-8 sequence(s) replaced by U+FFFD"
        case .controlCharactersReplaced(let count): "\(count) control character(s) replaced by spaces"
        case .truncated(let original, let kept): "text of \(original) characters cut to \(kept)"
        case .empty: "the comment is empty"
        }
    }
}
