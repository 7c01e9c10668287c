import SegmentBase

/// Minimal JSON text encoding for streamed output (no Foundation encoder on
/// the per-row path).
public enum JSONText {
    /// `text` as a JSON string literal with the required escapes.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A JSON value: numbers bare (non-finite as `null`), text quoted.
    public static func value(_ value: OutputValue) -> String {
        switch value {
        case .text(let text): return string(text)
        case .number(let number): return number.isFinite ? formatNumber(number) : "null"
        case .integer(let number): return String(number)
        case .numberText(let text):
            if isJSONNumber(text) { return text }
            var copy = text
            return copy.withUTF8 { CellParsing.parseNumber($0).map { formatNumber($0.value) } } ?? string(text)
        case .missing: return "null"
        }
    }

    /// Whether `text` follows JSON's number grammar
    /// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == 0x30 {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            if digits() == 0 { return false }
        }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            if digits() == 0 { return false }
        }
        return index == bytes.count
    }
}
