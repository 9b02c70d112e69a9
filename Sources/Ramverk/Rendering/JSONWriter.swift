/// A small streaming JSON writer: keys in the order written (so output is
/// deterministic), strings escaped per RFC 8259, integers exact.
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit = "  "

    private var indent: String { String(repeating: indentUnit, count: needsComma.count - 1) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        if needsComma.count > 1 { output += "\n" + indent }
        needsComma[needsComma.count - 1] = true
    }

    mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    mutating func endObject() { close("}") }
    mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    mutating func endArray() { close("]") }

    private mutating func open(_ key: String?, _ bracket: String) {
        separator()
        if let key { output += JSONWriter.quote(key) + ": " }
        output += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems { output += "\n" + indent }
        output += bracket
        if needsComma.count == 1 { output += "\n" }
    }

    mutating func string(_ key: String?, _ value: String?) {
        raw(key, value.map(JSONWriter.quote) ?? "null")
    }

    mutating func integer(_ key: String?, _ value: Int64?) {
        raw(key, value.map { String($0) } ?? "null")
    }

    mutating func bool(_ key: String?, _ value: Bool) {
        raw(key, value ? "true" : "false")
    }

    mutating func raw(_ key: String?, _ text: String) {
        separator()
        if let key { output += JSONWriter.quote(key) + ": " }
        output += text
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
