extension UnsafeMutableBufferPointer {
    /// Up to how many elements `insertionSort` is the cheaper sort: the standard library's costs
    /// more in its set-up than the work for the handful of elements a comment gives.
    static var fewForInsertion: Int { 16 }

    /// Sorts by insertion for at most `fewForInsertion` elements and by the standard library's
    /// sort above that; equal elements keep their order either way.
    @inline(__always)
    mutating func sortFew(by areInIncreasingOrder: (Element, Element) -> Bool) {
        if count <= Self.fewForInsertion { insertionSort(by: areInIncreasingOrder) } else { sort(by: areInIncreasingOrder) }
    }

    /// `sortFew(by: <)` for comparable elements, through the standard library's `sort()` above
    /// `fewForInsertion` (its closure-taking sort costs more for many integer keys).
    @inline(__always)
    mutating func sortFew() where Element: Comparable {
        if count <= Self.fewForInsertion { insertionSort(by: <) } else { sort() }
    }

    /// Sorts by insertion, equal elements keeping their order (as the standard library's sort
    /// does); quadratic, so for at most `fewForInsertion` elements.
    @inline(__always)
    private mutating func insertionSort(by areInIncreasingOrder: (Element, Element) -> Bool) {
        for index in indices.dropFirst() {
            let element = self[index]
            var slot = index
            while slot > 0, areInIncreasingOrder(element, self[slot - 1]) {
                self[slot] = self[slot - 1]
                slot -= 1
            }
            self[slot] = element
        }
    }
}
