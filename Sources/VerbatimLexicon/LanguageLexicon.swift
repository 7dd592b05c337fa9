import VerbatimText

/// One language's lexicon after layering: one entry per term (a later file or layer overrides an
/// earlier one), the modifiers and the settings.
public struct LanguageLexicon: Hashable, Sendable {
    public var language: Language
    public var entries: [SentimentEntry]
    public var modifiers: [Modifier]
    public var settings: SentimentSettings

    public init(language: Language, entries: [SentimentEntry] = [], modifiers: [Modifier] = [], settings: SentimentSettings = SentimentSettings()) {
        self.language = language
        self.entries = entries
        self.modifiers = modifiers
        self.settings = settings
    }

    /// Adds `newer` entries over the current ones: same term (case-insensitive) → replaced.
    /// Returns the entries replaced, with what replaced them.
    @discardableResult
    mutating func layer(entries newer: [SentimentEntry]) -> [(old: SentimentEntry, new: SentimentEntry)] {
        var index: [String: Int] = [:]
        var replaced: [(old: SentimentEntry, new: SentimentEntry)] = []
        for (position, entry) in entries.enumerated() { index[entry.term] = position }
        for entry in newer {
            if let position = index[entry.term] {
                replaced.append((entries[position], entry))
                entries[position] = entry
            } else {
                index[entry.term] = entries.count
                entries.append(entry)
            }
        }
        return replaced
    }

    mutating func layer(modifiers newer: [Modifier]) {
        var index: [String: Int] = [:]
        for (position, modifier) in modifiers.enumerated() { index[modifier.term.lowercased()] = position }
        for modifier in newer {
            if let position = index[modifier.term.lowercased()] {
                modifiers[position] = modifier
            } else {
                index[modifier.term.lowercased()] = modifiers.count
                modifiers.append(modifier)
            }
        }
    }
}
