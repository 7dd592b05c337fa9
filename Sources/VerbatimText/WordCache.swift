/// Values computed per word (stems, compound splits), remembered up to a limit: survey
/// vocabularies are small and repetitive, and a lookup in an `InternTable` (FNV-1a, no seeded
/// SipHash) costs less than Snowball or the splitter, and less than a `Dictionary<String, _>`.
struct WordCache<Value> {
    private var words = InternTable()
    private var values: [Value] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// The value of `word`, computed by `compute` the first time (and every time once the cache is full).
    @inline(__always)
    mutating func value(of word: String, _ compute: (String) -> Value) -> Value {
        if let id = words.id(of: word) { return values[Int(id)] }
        let value = compute(word)
        if values.count < limit {
            _ = words.intern(word)
            values.append(value)
        }
        return value
    }
}
