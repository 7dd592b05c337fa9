/// The lookup form of an emoji: variation selectors and skin-tone modifiers removed, so that
/// "👍🏽" and "❤️" meet the lexicon entries "👍" and "❤". Zero-width joiners stay: a ZWJ
/// sequence is one emoji.
enum EmojiNormalizer {
    static func normalize(_ emoji: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in emoji.unicodeScalars {
            switch scalar.value {
            case 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF: continue
            default: scalars.append(scalar)
            }
        }
        return scalars.isEmpty ? emoji : String(scalars)
    }

    /// The lookup form of an emoticon: lower case (":-P" and ":-p", "XD" and "xD" are one face) and
    /// a repeated mouth written once (":)))" → ":)", "<333" → "<3").
    static func normalize(emoticon: String) -> String {
        var scalars = Array(emoticon.lowercased().unicodeScalars)
        while scalars.count > 2, let last = scalars.last, scalars[scalars.count - 2] == last, ")(d3".unicodeScalars.contains(last) {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
