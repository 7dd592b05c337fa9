import VerbatimLexicon
import VerbatimText

/// The PCRE2 patterns of themes or flags, each with an integer owner (a theme's or a pattern set's
/// position), chosen per comment by their `requires` words: a comment runs only the patterns whose
/// prefilter words it contains (and those without a prefilter), never the whole list.
struct PatternSelector: Sendable {
    let patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)]
    private let words: InternTable
    /// Patterns by the interned required word.
    private let byWord: [[Int]]
    private let unconditional: [Int]

    init(_ patterns: [(owner: Int, rule: ThemeTaxonomy.PatternRule)]) {
        self.patterns = patterns
        var words = InternTable()
        var byWord: [[Int]] = []
        for (number, pattern) in patterns.enumerated() {
            for word in pattern.rule.requires.sorted() {
                let id = Int(words.intern(word))
                if id == byWord.count { byWord.append([]) }
                byWord[id].append(number)
            }
        }
        self.words = words
        self.byWord = byWord
        unconditional = patterns.indices.filter { patterns[$0].rule.requires.isEmpty }
    }

    /// The numbers (positions in `patterns`) of the patterns to run on `text`, in order.
    func selected(for text: AnalyzedText) -> [Int] {
        var numbers = unconditional
        if !byWord.isEmpty {
            for index in text.tokens.indices {
                if let id = words.id(of: text.tokens[index].normalized) { numbers += byWord[Int(id)] }
            }
        }
        numbers.formSortedUnique()
        return numbers
    }
}
