import VerbatimLexicon
import VerbatimText

/// Resolves a comment's touch point: from the touch-point column when it has a known value
/// (synonyms in both languages, case-insensitive), else from the comment's words (the touch
/// point with the most evidence; ties go to the one listed first), else none.
public struct TouchpointResolver: Sendable {
    let catalog: TouchpointCatalog
    private let byColumnValue: [String: Int]
    /// The terms of every language.
    private let index: TermIndex

    /// Compiles the catalog's detection terms, interning their words in `vocabulary`.
    public init(_ catalog: TouchpointCatalog, stemmers: [Language: Stemmer], vocabulary: inout InternTable) {
        self.catalog = catalog
        var values: [String: Int] = [:]
        var terms: [TermIndex.Source] = []
        for (position, touchpoint) in catalog.touchpoints.enumerated() {
            for value in touchpoint.columnValues { values[value] = position }
            terms += touchpoint.terms.map { language, term in (term, language, position) }
        }
        byColumnValue = values
        index = TermIndex(terms, stemmers: stemmers, vocabulary: &vocabulary)
    }

    /// The touch-point id a column value names ("Web", "hjemmeside" → `web`), if any.
    public func id(forColumnValue value: String) -> String? {
        byColumnValue[TouchpointCatalog.key(value)].map { catalog.touchpoints[$0].id }
    }

    /// The touch point from `column`'s value, else from the words of `text` (`ids`: as for themes).
    public func resolve(column: String?, text: AnalyzedText, ids: TokenIDs, languages: [Language]) -> TouchpointResult {
        if let column, let id = id(forColumnValue: column) {
            return TouchpointResult(id: id, source: .column, evidence: [])
        }
        var counts: [Int: [Evidence]] = [:]
        for match in index.matches(in: text, ids: ids, languages: languages) {
            counts[match.payload, default: []].append(Evidence(match, of: index, in: text))
        }
        guard let best = counts.max(by: { $0.value.count < $1.value.count || $0.value.count == $1.value.count && $0.key > $1.key }) else {
            return TouchpointResult(id: nil, source: .none, evidence: [])
        }
        return TouchpointResult(id: catalog.touchpoints[best.key].id, source: .detected, evidence: best.value)
    }
}

/// A resolved touch point.
public struct TouchpointResult: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable, Codable {
        case column, detected, none
    }

    public var id: String?
    public var source: Source
    public var evidence: [Evidence]
}
