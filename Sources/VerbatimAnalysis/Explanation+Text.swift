import Foundation
import VerbatimText

extension Explanation {
    /// The explanation for a reader in a terminal.
    public var plainText: String {
        var lines: [String] = []
        var languageLine = "language: \(language.code)"
        if language.source == "detected" {
            languageLine += String(format: " (confidence %.2f", language.confidence)
            languageLine += String(format: "; own evidence da %.1f / en %.1f", language.evidence.danish, language.evidence.english)
            if let cld2 = language.cld2 {
                let shares = zip(cld2.codes, cld2.percents).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)%" }
                languageLine += "; CLD2 " + (shares.isEmpty ? "none" : shares.joined(separator: ", "))
                languageLine += cld2.reliable ? " reliable" : " unreliable"
            } else if language.code != "und" {
                languageLine += "; CLD2 not consulted"
            }
            languageLine += ")"
        } else {
            languageLine += " (given)"
        }
        if let secondary = language.secondary { languageLine += "; mixed with \(secondary)" }
        lines.append(languageLine)

        lines.append("sentences:")
        for (number, sentence) in sentences.enumerated() {
            lines.append("  \(number + 1). [\(sentence.start)–\(sentence.end)] \(quoted(sentence.text))")
            for clause in sentence.clauses where sentence.clauses.count > 1 || clause.opener != .sentenceStart {
                let opener = clause.openerText.map { "\(clause.opener.rawValue) \(quoted($0))" } ?? clause.opener.rawValue
                lines.append("     clause [\(clause.start)–\(clause.end)] \(opener): \(quoted(clause.text))")
            }
        }

        lines.append("tokens:")
        let rows = tokens.map { token -> [String] in
            var detail: [String] = []
            if let stem = token.stem, stem != token.normalized { detail.append("stem \(stem)") }
            if let compound = token.compound { detail.append("compound " + compound.map(\.text).joined(separator: "+")) }
            if token.caseShape != .lower && token.caseShape != .uncased { detail.append(token.caseShape.rawValue) }
            if token.elongated { detail.append("elongated") }
            return [
                "\(token.index)", token.kind.rawValue, "\(token.start)–\(token.end)", quoted(token.text),
                token.normalized == token.text ? "" : "→ \(quoted(token.normalized))", detail.joined(separator: ", "),
            ]
        }
        lines += table(rows).map { "  " + $0 }

        if let sentiment {
            lines.append(String(format: "sentiment: %.3f ", sentiment.score) + sentiment.label.rawValue
                + (sentiment.exclamationEmphasis != 0 ? String(format: " (\"!\" emphasis %+.3f)", sentiment.exclamationEmphasis) : ""))
            for clause in sentiment.clauses {
                let text = sentences.flatMap(\.clauses).first { $0.start == clause.start }?.text ?? ""
                lines.append(String(format: "  clause [%d–%d] sum %+.3f × %.2f → %+.3f  ", clause.start, clause.end, clause.sum, clause.weight, clause.score) + quoted(text))
            }
            for contribution in sentiment.contributions {
                var line = "  \(quoted(contribution.text)) \(String(format: "%+.2f", contribution.base)) (\(contribution.match.rawValue) '\(contribution.term)' \(contribution.entry))"
                for rule in contribution.rules {
                    line += " → \(rule.rule.rawValue)" + (rule.by.map { " \(quoted($0))" } ?? "") + String(format: " %+.2f", rule.valence)
                }
                lines.append(line)
            }
        }
        lines += themeLines
        if !quantities.isEmpty {
            lines.append("quantities:")
            for quantity in quantities {
                var value = String(format: "%g", quantity.value)
                if let outOf = quantity.outOf { value += String(format: " of %g", outOf) }
                let unit = quantity.unit.map { " \($0.rawValue)" } ?? ""
                lines.append("  [\(quantity.start)–\(quantity.end)] \(quoted(quantity.text)): \(value)\(unit)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quotes text for the terminal, with control characters made visible.
    private func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\"": result += "\\\""
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\u{%X}", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Left-aligned columns, padded by the widest cell (in characters).
    private func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
