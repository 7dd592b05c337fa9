import VerbatimLexicon
import VerbatimText

/// The PCRE2 patterns of themes or flags, each with an integer owner (a theme's or a pattern set's
/// position), chosen per comment by their prefilters: a comment runs only the patterns whose
/// `requires` words it contains (and those without), of its language, and — for patterns that
/// need one — only when it holds a digit; never the whole list.
struct PatternSelector: Sendable {
    let patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)]
    /// Pattern numbers by the required word's id in the shared vocabulary (up to the largest).
    private let byWord: [[Int]]
    private let unconditional: [Int]

    init(_ patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)], vocabulary: inout InternTable) {
        self.patterns = patterns
        var byWord: [[Int]] = []
        for (number, pattern) in patterns.enumerated() {
            for word in pattern.rule.requires.sorted() {
                let id = Int(vocabulary.intern(word))
                if id >= byWord.count { byWord += Array(repeating: [], count: id + 1 - byWord.count) }
                byWord[id].append(number)
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
            for id in ids.words where id >= 0 && id < byWord.count {
                numbers += byWord[Int(id)]
            }
        }
        guard !numbers.isEmpty else { return numbers }
        numbers.formSortedUnique()
        var hasDigit: Bool?
        numbers.removeAll { number in
            let rule = patterns[number].rule
            if let language = rule.language, !languages.contains(language) { return true }
            if rule.requiresDigit {
                if hasDigit == nil { hasDigit = text.text.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
                return !hasDigit!
            }
            return false
        }
        return numbers
    }
}
