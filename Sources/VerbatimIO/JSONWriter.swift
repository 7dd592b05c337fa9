/// A small JSON writer: fixed key order, shortest round-trip numbers, strings escaped per RFC 8259
/// (and U+2028/U+2029, for JavaScript). Builds UTF-8 bytes in storage of its own, written through
/// a pointer: a result row is about a thousand bytes, and appending them one by one to an array
/// (a uniqueness and a capacity check each) cost more than the rest of the writing.
///
/// Not copyable: it owns its storage and frees it when it goes.
struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// One bit per open object or array, the innermost lowest: set once it holds a value (the
    /// next one needs a comma). The result schema nests four levels; 64 would fit.
    private var nonEmpty: UInt64 = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// What was written, as text.
    var output: String { String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self) }

    /// Appends what was written to `bytes`.
    func append(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: storage, count: count))
    }

    mutating func beginObject() {
        put(UInt8(ascii: "{"))
        open()
    }

    mutating func endObject() {
        nonEmpty >>= 1
        put(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        put(UInt8(ascii: "["))
        open()
    }

    mutating func endArray() {
        nonEmpty >>= 1
        put(UInt8(ascii: "]"))
    }

    private mutating func open() { nonEmpty <<= 1 }

    /// Starts an array element.
    mutating func element() {
        if nonEmpty & 1 != 0 { put(UInt8(ascii: ",")) }
        nonEmpty |= 1
    }

    /// A key of the result schema: written as is (these names need no escaping).
    mutating func key(_ key: StaticString) {
        element()
        reserve(key.utf8CodeUnitCount + 3)
        storage[count] = UInt8(ascii: "\"")
        (storage + count + 1).update(from: key.utf8Start, count: key.utf8CodeUnitCount)
        count += key.utf8CodeUnitCount + 1
        storage[count] = UInt8(ascii: "\"")
        storage[count + 1] = UInt8(ascii: ":")
        count += 2
    }

    /// A key taken from the input (a kept column's name, a problem code): escaped like a value.
    mutating func key(escaping key: String) {
        element()
        string(key)
        put(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String?) {
        guard var value else {
            put("null")
            return
        }
        value.withUTF8 { string(utf8: $0) }
    }

    /// A string value from its UTF-8 bytes (valid UTF-8).
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        put(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let escape: StaticString
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0..<0x20:
                put(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                put("\\u00")
                put(Self.hexDigit(byte >> 4))
                put(Self.hexDigit(byte & 0xF))
                index += 1
                runStart = index
                continue
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                index += 1
                continue
            }
            put(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            put(escape)
            index += width
            runStart = index
        }
        put(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        put(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Whole numbers without a fraction ("3", not "3.0"); others in Swift's shortest round-trip form.
    mutating func number(_ value: Double) {
        guard value == value.rounded() && abs(value) < 1e15 else {
            if !fixedPoint(value) {
                var text = value.description
                text.withUTF8 { put($0) }
            }
            return
        }
        number(Int(value))
    }

    /// Writes `value` with one to four decimals when it is the double nearest such a decimal (the
    /// scores and theme sentiments are rounded to three or four): the same digits as
    /// `description` gives then, without building a String. False when it is not.
    private mutating func fixedPoint(_ value: Double) -> Bool {
        var scale = 1.0
        for decimals in 1...4 {
            scale *= 10
            let scaled = (value * scale).rounded()
            guard abs(scaled) < 1e15, scaled / scale == value else { continue }
            let units = Int(scaled)
            let power = Int(scale)
            if units < 0 { put(UInt8(ascii: "-")) }
            number(Int(units.magnitude) / power)
            put(UInt8(ascii: "."))
            var fraction = Int(units.magnitude) % power
            reserve(decimals)
            for place in stride(from: decimals - 1, through: 0, by: -1) {
                storage[count + place] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            count += decimals
            return true
        }
        return false
    }

    /// An integer's decimal digits.
    mutating func number(_ value: Int) {
        reserve(20)
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var power: UInt = 1
        while power <= magnitude / 10 {
            power *= 10
            digits += 1
        }
        for place in stride(from: digits - 1, through: 0, by: -1) {
            storage[count + place] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    private mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func put(_ run: UnsafeBufferPointer<UInt8>) {
        guard let base = run.baseAddress, !run.isEmpty else { return }
        reserve(run.count)
        (storage + count).update(from: base, count: run.count)
        count += run.count
    }

}
