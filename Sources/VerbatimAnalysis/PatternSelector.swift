import VerbatimLexicon
import VerbatimText

/// The PCRE2 patterns of themes or flags, each with an integer owner (a theme's or a pattern set's
/// position), chosen per comment by their prefilters: a comment runs only the patterns whose
/// `requires` words it contains (and those without), of its language, and — for patterns that
/// need one — only when it holds a digit; never the whole list.
struct PatternSelector: Sendable {
    let patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)]
    /// Pattern numbers by the required word's id in the shared vocabulary.
    private let byWord: PostingLists
    private let unconditional: [Int]

    init(_ patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)], vocabulary: inout InternTable) {
        self.patterns = patterns
        var byWord = PostingLists()
        for (number, pattern) in patterns.enumerated() {
            for word in pattern.rule.requires.sorted() {
                byWord.append(number, to: Int(vocabulary.intern(word)))
            }
        }
        self.byWord = byWord
        unconditional = patterns.indices.filter { patterns[$0].rule.requires.isEmpty }
    }

    /// The numbers (positions in `patterns`) of the patterns to run on `text` (its words: `ids`)
    /// in a comment of `languages`, in order.
    func selected(for ids: TokenIDs, in text: AnalyzedText, languages: [Language]) -> [Int] {
        var numbers = unconditional
        if !byWord.isEmpty {
            for id in ids.words { byWord.collect(Int(id), into: &numbers) }
        }
        guard !numbers.isEmpty else { return numbers }
        numbers.formSortedUnique()
        var hasDigit: Bool?
        numbers.removeAll { number in
            let rule = patterns[number].rule
            if let language = rule.language, !languages.contains(language) { return true }
            if rule.requiresDigit {
                if hasDigit == nil { hasDigit = Self.containsDigit(text.text) }
                return !hasDigit!
            }
            return false
        }
        return numbers
    }

    /// Whether `text` holds an ASCII digit, read from its UTF-8 storage.
    private static func containsDigit(_ text: String) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isDigit) } ?? text.utf8.contains(where: isDigit)
    }
}
