import VerbatimText

/// Between PCRE2's UTF-8 byte offsets and token positions: patterns run on the comment's bytes,
/// evidence is kept in tokens.
extension AnalyzedText {
    /// Where token `index` starts in the UTF-8 bytes (the text's end past the last token).
    func byteStart(ofToken index: Int) -> Int {
        index < tokens.count ? tokens[index].utf8Range.lowerBound : text.utf8.count
    }

    /// The tokens a UTF-8 byte range overlaps (an empty range: the token it falls in or just
    /// after), nil when it overlaps none (a match of only spaces).
    func tokens(coveringUTF8 range: Range<Int>) -> Range<Int>? {
        // Tokens are in text order and do not overlap: both bounds are found by bisection.
        let first = tokens.partitioningIndex { $0.utf8Range.upperBound > range.lowerBound }
        let last = tokens.partitioningIndex { $0.utf8Range.lowerBound >= max(range.upperBound, range.lowerBound + 1) } - 1
        guard first < tokens.count, last >= 0, first <= last else { return nil }
        return first..<(last + 1)
    }
}

extension Collection {
    /// The first index whose element satisfies `isAfter`, for a collection where every element
    /// that does follows every element that does not (the end index when none does).
    func partitioningIndex(where isAfter: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAfter(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
