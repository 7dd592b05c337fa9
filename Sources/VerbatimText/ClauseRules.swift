/// The words and marks that divide sentences into clauses, per language. Defaults are built in;
/// the lexicon layer replaces the connectives with those of its `modifiers.tsv` (kind `contrast`).
public struct ClauseRules: Sendable, Hashable {
    /// Contrast and concession words that open a new clause (normalised form).
    public var connectives: Set<String> {
        didSet { connectiveFilter = WordSetFilter(connectives) }
    }
    /// Rules out most words by length and first byte before `connectives` is hashed into (every
    /// word of every sentence is tested).
    private(set) var connectiveFilter: WordSetFilter
    /// Abbreviations (normalised, without the final stop) after which a full stop does not end a
    /// sentence when a lower-case word follows ("ca. 3 dage", "f.eks. appen").
    public var abbreviations: Set<String>

    public init(connectives: Set<String>, abbreviations: Set<String>) {
        self.connectives = connectives
        self.abbreviations = abbreviations
        connectiveFilter = WordSetFilter(connectives)
    }

    /// Whether `word` (a normalised form) is a connective.
    @inline(__always)
    func isConnective(_ word: String) -> Bool {
        connectiveFilter.mayContain(word) && connectives.contains(word)
    }

    /// The built-in rules for `language`; `.undetermined` gets both languages' abbreviations and
    /// only the connectives that cannot be read as another word in either language.
    public static func defaults(for language: Language) -> ClauseRules {
        let abbreviations = englishAbbreviations.union(danishAbbreviations)
        switch language {
        case .english:
            return ClauseRules(connectives: englishConnectives, abbreviations: abbreviations)
        case .danish:
            return ClauseRules(connectives: danishConnectives, abbreviations: abbreviations)
        case .undetermined:
            return ClauseRules(
                connectives: englishConnectives.union(danishConnectives).subtracting(["dog", "men"]),
                abbreviations: abbreviations)
        }
    }

    static let englishConnectives: Set<String> = [
        "but", "however", "although", "though", "whereas", "nevertheless", "nonetheless", "except", "yet",
    ]
    static let danishConnectives: Set<String> = [
        "men", "dog", "selvom", "skønt", "omend", "derimod", "imidlertid", "alligevel", "bortset",
    ]
    static let englishAbbreviations: Set<String> = [
        "approx", "etc", "e.g", "i.e", "incl", "excl", "min", "mins", "max", "no", "nr", "mr", "mrs", "ms", "dr",
        "vs", "st", "ref", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "tel",
    ]
    static let danishAbbreviations: Set<String> = [
        "ca", "kl", "inkl", "ekskl", "evt", "bl.a", "f.eks", "osv", "mht", "pga", "jf", "vedr", "ang", "tlf",
        "mv", "dvs", "hhv", "kr", "dkr", "mdr", "md", "stk", "iflg", "ifm", "vha", "mfl", "m.fl", "m.v", "o.l",
        "ol", "div", "gl", "nuv", "tidl", "adr", "att",
    ]
}
