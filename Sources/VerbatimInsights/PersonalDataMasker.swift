import VerbatimLexicon

/// Masks personal data in comment text before it is kept as an exemplar or queued for follow-up:
/// e-mail addresses, payment-card numbers (13–19 digits, Luhn-checked), Danish CPR numbers
/// (ddmmyy-nnnn) and phone numbers (8+ digits, optional +/00 country code). Patterns run through
/// PCRE2 with the project's limits; a text they cannot finish on is masked whole.
public struct PersonalDataMasker: Sendable {
    private let rules: [(regex: PCRE2Regex, replacement: String, check: (@Sendable (String) -> Bool)?)]

    public init() {
        func compile(_ pattern: String) -> PCRE2Regex {
            do { return try PCRE2Regex(pattern) } catch { preconditionFailure("masking pattern does not compile: \(error.message)") }
        }
        rules = [
            (compile(#"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"#), "[e-mail]", nil),
            (compile(#"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])"#), "[card]", Self.passesLuhn),
            (compile(#"(?<!\d)[0-3]\d[01]\d{3}-?\d{4}(?!\d)"#), "[CPR]", nil),
            (compile(#"(?<![\w+-])(?:\+|00)?\d(?:[ .]?\d){7,13}(?![\d-])"#), "[phone]", nil),
        ]
    }

    /// `text` with personal data replaced by `[e-mail]`, `[card]`, `[CPR]` and `[phone]`.
    public func mask(_ text: String) -> String {
        var text = text
        for rule in rules {
            switch rule.regex.matches(in: text) {
            case .matches(let ranges):
                guard !ranges.isEmpty else { continue }
                var bytes = Array(text.utf8)
                for range in ranges.reversed() {
                    if let check = rule.check, !check(String(decoding: bytes[range], as: UTF8.self)) { continue }
                    bytes.replaceSubrange(range, with: Array(rule.replacement.utf8))
                }
                text = String(decoding: bytes, as: UTF8.self)
            case .limitExceeded, .failed:
                return "[comment withheld: personal-data check did not finish]"
            }
        }
        return text
    }

    /// The Luhn checksum of card numbers (so that order numbers are not taken for cards).
    @Sendable static func passesLuhn(_ candidate: String) -> Bool {
        let digits = candidate.compactMap(\.wholeNumberValue)
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            let doubled = position % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }
}
