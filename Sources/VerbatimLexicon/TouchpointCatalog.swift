import Foundation
import VerbatimText
import Yams

/// The touch points of `touchpoints.yaml`: ids, labels, the values a touch-point column may hold,
/// and terms for detecting the touch point from the comment. Layered like themes.
public struct TouchpointCatalog: Sendable {
    public struct Touchpoint: Sendable {
        public var id: String
        public var labels: [Language: String]
        /// Column values in lookup form (case-folded, trimmed).
        public var columnValues: [String]
        public var terms: [(language: Language, term: TermPattern)]
    }

    public private(set) var touchpoints: [Touchpoint] = []

    public init() {}

    /// The lookup form of a column value: case-folded, inner spaces single.
    public static func key(_ value: String) -> String {
        asciiKey(value) ?? value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `key` for ASCII text, in one pass over its bytes (a column value is looked up on every row);
    /// nil for other text.
    private static func asciiKey(_ value: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            switch byte {
            case 0x80...: return nil
            case 0x09...0x0D, 0x20: pendingSpace = !key.isEmpty
            default:
                if pendingSpace { key.append(0x20) }
                pendingSpace = false
                key.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    mutating func layer(_ text: String, file: String, tokenizer: Tokenizer, diagnostics: inout [Diagnostic]) {
        var yaml = YAMLFile(path: file)
        defer { diagnostics += yaml.diagnostics }
        guard let root = yaml.root(of: text) else { return }
        yaml.checkKeys(root, known: ["touchpoints"], in: "the file")
        var seenValues: [String: String] = [:]
        var seenIds: [String: Int] = [:]
        for node in yaml.sequence(root["touchpoints"], "touchpoints") {
            yaml.checkKeys(node, known: ["id", "label", "column_values", "terms"], in: "a touch point")
            guard let id = yaml.id(of: node, kind: "touch point", seen: &seenIds) else { continue }
            var touchpoint = touchpoints.first { $0.id == id } ?? Touchpoint(id: id, labels: [:], columnValues: [], terms: [])
            touchpoint.labels.merge(yaml.labels(node["label"])) { $1 }
            for value in yaml.sequence(node["column_values"], "column_values of '\(id)'") {
                guard let text = yaml.string(value, "a column value") else { continue }
                let key = Self.key(text)
                if let other = seenValues[key], other != id {
                    yaml.report(.error, "ambiguous-value", "column value '\(text)' is also given for touch point '\(other)'", at: value)
                    continue
                }
                seenValues[key] = id
                touchpoint.columnValues.append(key)
            }
            touchpoint.terms += yaml.terms(node["terms"], "terms of '\(id)'", tokenizer: tokenizer)
            if let index = touchpoints.firstIndex(where: { $0.id == id }) { touchpoints[index] = touchpoint } else { touchpoints.append(touchpoint) }
        }
    }
}
