import Foundation

/// Converts between common sentiment word-list formats and Verbatim's `term<TAB>valence` files,
/// rescaling valences to Verbatim's −4…+4 (VADER's scale):
/// - `afinn`: `term<TAB>integer` in −5…+5 (AFINN); imported × 0.8, exported ÷ 0.8 rounded, so an
///   import followed by an export gives back the same terms and values;
/// - `vader`: `term<TAB>mean<TAB>sd<TAB>[ratings]` (vader_lexicon.txt), already on −4…+4;
/// - `plain`: `term<TAB or ,>value` on a scale of ±`plainScale`, rescaled linearly.
public enum LexiconConverter {
    public enum Format: String, Sendable, CaseIterable {
        case afinn, vader, plain
    }

    public struct Result: Sendable {
        public var text: String
        public var entries: Int
        public var diagnostics: [Diagnostic]
    }

    /// `contents` (a file in `format`) as a Verbatim sentiment file, with a provenance header.
    public static func importing(_ contents: String, format: Format, source: String, plainScale: Double = 4) -> Result {
        var lines: [String] = []
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (offset, raw) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = format == .plain && !line.contains("\t") ? line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                : line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let term = fields[0].trimmingCharacters(in: .whitespaces)
            guard fields.count >= 2, !term.isEmpty, let value = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                diagnostics.append(Diagnostic(severity: .error, code: "bad-number", message: "expected a term and a number", file: source, line: offset + 1))
                continue
            }
            let valence: Double
            switch format {
            case .afinn: valence = value * 0.8
            case .vader: valence = value
            case .plain: valence = value / plainScale * 4
            }
            guard seen.insert(term.lowercased()).inserted else {
                diagnostics.append(Diagnostic(severity: .warning, code: "duplicate-term", message: "'\(term)' is listed twice; the first is kept", file: source, line: offset + 1))
                continue
            }
            lines.append("\(term)\t\(number(min(4, max(-4, valence))))")
        }
        let scale: String
        switch format {
        case .afinn: scale = "valences scaled from AFINN's -5..+5 to Verbatim's -4..+4 (x 0.8)"
        case .vader: scale = "VADER valences (-4..+4) kept as they are; standard deviations and ratings dropped"
        case .plain: scale = "valences scaled from -\(number(plainScale))..+\(number(plainScale)) to -4..+4"
        }
        let header = [
            "# Imported with `verbatim lexicon import --from \(format.rawValue)` from \(URL(fileURLWithPath: source).lastPathComponent).",
            "# Change made: \(scale).",
            "# Licence: that of the source list — keep its attribution here (AFINN: ODbL 1.0, keep it in a file of its own).",
            "# Format: term<TAB>valence",
        ]
        return Result(text: (header + lines).joined(separator: "\n") + "\n", entries: lines.count, diagnostics: diagnostics)
    }

    /// A Verbatim sentiment file (`term<TAB>valence`) in `format` (`afinn` or `vader`).
    public static func exporting(_ contents: String, format: Format, source: String) -> Result {
        let parsed = SentimentLexiconParser.entries(contents, file: source)
        var lines: [String] = []
        for entry in parsed.entries where !entry.term.hasSuffix("*") {
            switch format {
            case .afinn:
                let value = Int((entry.valence / 0.8).rounded())
                if value != 0 { lines.append("\(entry.term)\t\(max(-5, min(5, value)))") }
            case .vader:
                lines.append("\(entry.term)\t\(number(entry.valence))\t0.0\t[]")
            case .plain:
                lines.append("\(entry.term)\t\(number(entry.valence))")
            }
        }
        return Result(text: lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), entries: lines.count, diagnostics: parsed.diagnostics)
    }

    /// Up to four decimals, no trailing zeros ("2.4", "-1", "0.3333").
    static func number(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
