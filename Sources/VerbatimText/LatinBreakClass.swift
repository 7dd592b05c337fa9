/// The character classes of the Latin word and sentence breakers, which read a text the same way:
/// one class per code point, nil for text outside their alphabet.
protocol LatinBreakClass: Equatable {
    /// Outside the alphabet: the text goes to ICU.
    static var unsupported: Self { get }
    /// A skin-tone modifier or variation selector: part of an Other character before it.
    static var emojiExtend: Self { get }
    static var other: Self { get }
}

extension LatinBreakClass {
    /// Classes each code point of `units` into `classes` (from `table` below its size, else from
    /// `classOf`), with its UTF-16 offset in `starts`; an emoji modifier joins the code point before
    /// it. Returns the number of code points, or nil at the first character outside the alphabet.
    @inline(__always)
    static func classify(
        _ units: UnsafeBufferPointer<UInt16>, table: UnsafeBufferPointer<Self>, classOf: (UInt32) -> Self,
        into classes: UnsafeMutableBufferPointer<Self>, starts: UnsafeMutableBufferPointer<Int32>
    ) -> Int? {
        var count = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            let characterClass: Self
            starts[count] = Int32(truncatingIfNeeded: index)
            if Int(unit) < table.count {
                characterClass = table[Int(unit)]
                index += 1
            } else if unit & 0xFC00 == 0xD800 {
                guard index + 1 < units.count, units[index + 1] & 0xFC00 == 0xDC00 else { return nil }
                characterClass = classOf(0x10000 + (UInt32(unit & 0x3FF) << 10 | UInt32(units[index + 1] & 0x3FF)))
                index += 2
            } else {
                characterClass = classOf(UInt32(unit))
                index += 1
            }
            if characterClass == .unsupported { return nil }
            if characterClass == .emojiExtend {
                guard count > 0, classes[count - 1] == .other else { return nil }
                continue  // part of the code point before it: no boundary between them
            }
            classes[count] = characterClass
            count += 1
        }
        return count
    }
}
