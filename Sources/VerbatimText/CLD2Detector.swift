import CCLD2

/// Compact Language Detector 2 (libcld2), one signal for language identification. Stateless and
/// reentrant: CLD2 keeps its tables in read-only memory and its state on the stack.
public struct CLD2Detector: Sendable {
    /// CLD2's answer: up to three languages with the share of text each covers.
    public struct Verdict: Hashable, Sendable {
        /// ISO 639 codes as CLD2 spells them ("en", "da", "no", "sv", "un" for unknown).
        public var codes: [String]
        /// Percent of the text (0–100) per code.
        public var percents: [Int]
        /// CLD2's normalised score per code (text-length independent; ≈1000 for a clear verdict,
        /// much lower when CLD2 falls back to its default on short text).
        public var normalizedScores: [Double]
        /// CLD2's own reliability flag.
        public var isReliable: Bool
        /// Letters-only bytes CLD2 looked at.
        public var textBytes: Int

        /// Percent of the text CLD2 gave to `codes` (summed).
        public func percent(of codes: Set<String>) -> Int {
            zip(self.codes, percents).reduce(0) { codes.contains($1.0) ? $0 + $1.1 : $0 }
        }
    }

    public init() {}

    public func detect(_ text: String) -> Verdict {
        var text = text
        var result = VTCLD2Result()
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                vt_cld2_detect(chars.baseAddress, Int32(chars.count), &result)
            }
        }
        let codes = withUnsafeBytes(of: result.codes) { raw -> [String] in
            (0..<3).map { index in
                let slice = raw[(index * 8)..<(index * 8 + 8)]
                return String(decoding: slice.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        let percents = [Int(result.percents.0), Int(result.percents.1), Int(result.percents.2)]
        let scores = [result.normalizedScores.0, result.normalizedScores.1, result.normalizedScores.2]
        return Verdict(
            codes: codes, percents: percents, normalizedScores: scores, isReliable: result.isReliable,
            textBytes: Int(result.textBytes))
    }
}
