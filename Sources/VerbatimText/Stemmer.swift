import CStemmer

/// A Snowball stemmer (libstemmer) for English or Danish: "leveringen" → "levering",
/// "delivered" → "deliv". Expects normalised (lower-case) words. Owns the C handle, freed in
/// `deinit`; Snowball stemmers are not thread-safe, so one instance per thread.
public final class Stemmer {
    public let language: Language
    private let handle: OpaquePointer

    /// A stemmer for `language`; `.undetermined` has none and throws.
    public init(language: Language) throws(TextError) {
        let algorithm: String
        switch language {
        case .english: algorithm = "english"
        case .danish: algorithm = "danish"
        case .undetermined: throw TextError.stemmerUnavailable(language: language.code)
        }
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else {
            throw TextError.stemmerUnavailable(language: algorithm)
        }
        self.language = language
        self.handle = handle
    }

    deinit { sb_stemmer_delete(handle) }

    /// The stem of one normalised word. Words the stemmer cannot take come back unchanged.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                let stemmed = sb_stemmer_stem(handle, base, Int32(bytes.count))
            else { return String(decoding: bytes, as: UTF8.self) }
            let length = Int(sb_stemmer_length(handle))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
    }
}
