import Foundation

/// What one text cell holds, as seen by type inference.
public enum CellKind: UInt8, Sendable {
    /// Empty, `NA`, `N/A`, `NaN` or `null` (any case, surrounding spaces ignored).
    case missing
    /// A whole number that fits 53 bits exactly.
    case integer
    /// A finite decimal number.
    case number
    /// An ISO-8601 date or date-time (`2024-03-01`, `2024-03-01T10:30:00`).
    case date
    /// `inf`, `-inf`, `infinity` (any case): a number, but not a usable one.
    case nonFinite
    /// Anything else.
    case text
}

/// Byte-level parsing of single cells, without allocating a `String`.
public enum CellParsing {
    /// Classifies `cell` and returns its numeric value: the number itself, the
    /// date as seconds since 1970-01-01 UTC, or NaN for missing and text.
    @inlinable
    public static func classify(_ cell: UnsafeBufferPointer<UInt8>) -> (CellKind, Double) {
        if let plain = parsePlainNumber(cell) { return (plain.isInteger ? .integer : .number, plain.value) }
        return classifyOther(cell)
    }

    /// `classify` of `cell` whose `parsePlainNumber` the caller already
    /// has: `plainNumber`. Plain numbers inline, every other cell behind a call.
    @inlinable @inline(__always)
    public static func classify(_ cell: UnsafeBufferPointer<UInt8>, plainNumber: (value: Double, isInteger: Bool)?) -> (CellKind, Double) {
        if let plain = plainNumber { return (plain.isInteger ? .integer : .number, plain.value) }
        return classifyOther(cell)
    }

    /// `classify` of a cell that is not a plain number.
    @usableFromInline
    static func classifyOther(_ cell: UnsafeBufferPointer<UInt8>) -> (CellKind, Double) {
        let trimmed = trimmingSpaces(cell)
        if trimmed.isEmpty || isMissingToken(trimmed) { return (.missing, .nan) }
        if let value = parseNumber(trimmed) {
            return (value.isInteger ? .integer : .number, value.value)
        }
        if let seconds = parseDate(trimmed) { return (.date, seconds) }
        if isInfinityToken(trimmed) { return (.nonFinite, .nan) }
        return (.text, .nan)
    }

    /// The fast path for the most common cells: `cell` when it is an
    /// optional minus sign, then 1 to 15 digits with at most one decimal
    /// point among them (`42`, `-5.25`, `.5`, `3.`), nothing else; `nil`
    /// for anything else (`scanPlainNumber` over the whole cell).
    @inlinable @inline(__always)
    public static func parsePlainNumber(_ cell: UnsafeBufferPointer<UInt8>) -> (value: Double, isInteger: Bool)? {
        guard let start = cell.baseAddress, let number = scanPlainNumber(from: start, to: start + cell.count),
              number.end == start + cell.count else { return nil }
        return (number.value, number.isInteger)
    }

    /// The number parser of every reader's fast path: reads, from `start`
    /// and before `end`, an optional minus sign, digits, and a decimal point
    /// with more digits, and stops at the first other byte. Returns the
    /// number's value, whether it has no point, and where it stopped; `nil`
    /// unless it read 1 to 15 digits. The number is the cell's value when
    /// the cell ends where the number stops. A `nil` `end` means that a
    /// byte other than a digit or point follows for sure (a line feed ends
    /// the text), so no byte is compared with the end.
    ///
    /// The digits form an integer below 10^15, exact in binary64, and one
    /// division by an exact power of ten rounds it correctly: the value
    /// `parseNumber` gives. Without a point the cell is an integer.
    @inlinable @inline(__always)
    public static func scanPlainNumber(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>?)
        -> (value: Double, isInteger: Bool, end: UnsafePointer<UInt8>)? {
        @inline(__always) func inside(_ cursor: UnsafePointer<UInt8>) -> Bool { end.map { cursor < $0 } ?? true }
        var cursor = start
        let negative = inside(cursor) && cursor.pointee == 0x2D
        if negative { cursor += 1 }
        var mantissa: Int64 = 0
        let integerStart = cursor
        while inside(cursor), case let digit = cursor.pointee &- 0x30, digit <= 9 {
            mantissa = mantissa &* 10 &+ Int64(digit)
            cursor += 1
        }
        var digits = integerStart.distance(to: cursor)
        var fractionDigits = -1
        if inside(cursor) && cursor.pointee == 0x2E {
            cursor += 1
            let fractionStart = cursor
            while inside(cursor), case let digit = cursor.pointee &- 0x30, digit <= 9 {
                mantissa = mantissa &* 10 &+ Int64(digit)
                cursor += 1
            }
            fractionDigits = fractionStart.distance(to: cursor)
            digits += fractionDigits
        }
        guard UInt(bitPattern: digits &- 1) < 15 else { return nil }
        let magnitude = fractionDigits < 0 ? Double(mantissa) : Double(mantissa) / exactPowerOfTen(fractionDigits)
        return (negative ? -magnitude : magnitude, fractionDigits < 0, cursor)
    }

    /// `cell` without leading and trailing ASCII spaces and tabs.
    @inlinable
    public static func trimmingSpaces(_ cell: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard var start = cell.baseAddress else { return cell }
        var end = start + cell.count
        while start < end, start.pointee == 0x20 || start.pointee == 0x09 { start += 1 }
        while end > start, (end - 1).pointee == 0x20 || (end - 1).pointee == 0x09 { end -= 1 }
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    /// Whether trimmed `cell` is one of the missing-value tokens
    /// `NA`, `N/A`, `NaN`, `null` (case-insensitive).
    @inlinable
    public static func isMissingToken(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = cell.count
        guard count >= 2 && count <= 4 else { return false }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
        switch count {
        case 2: return lower(cell[0]) == 0x6E && lower(cell[1]) == 0x61  // na
        case 3:
            if cell[1] == 0x2F { return lower(cell[0]) == 0x6E && lower(cell[2]) == 0x61 }  // n/a
            return lower(cell[0]) == 0x6E && lower(cell[1]) == 0x61 && lower(cell[2]) == 0x6E  // nan
        default:
            return lower(cell[0]) == 0x6E && lower(cell[1]) == 0x75 && lower(cell[2]) == 0x6C && lower(cell[3]) == 0x6C  // null
        }
    }

    /// The bytes of "infinity" (its first three are "inf").
    @usableFromInline static let infinityWord: [UInt8] = Array("infinity".utf8)

    /// Whether trimmed `cell` spells infinity: `inf`, `infinity`, with an
    /// optional sign, any case.
    @inlinable
    public static func isInfinityToken(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if let first = cell.first, first == 0x2B || first == 0x2D { start = 1 }
        let length = cell.count - start
        guard length == 3 || length == 8 else { return false }
        for offset in 0..<length where cell[start + offset] | 0x20 != infinityWord[offset] { return false }
        return true
    }

    /// Whether `cell` is missing (after trimming spaces).
    @inlinable
    public static func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        let trimmed = trimmingSpaces(cell)
        return trimmed.isEmpty || isMissingToken(trimmed)
    }

    /// 10^`exponent` for `exponent` in 0…22, the powers of ten that are
    /// exact in binary64. A switch over literals, which the compiler turns
    /// into a constant table: no global to initialise on the hot path.
    @inlinable @inline(__always)
    public static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Parses a finite decimal number: optional sign, digits with an optional
    /// fraction, optional exponent. Returns `nil` for anything else (including
    /// `inf`, `nan`, hex, thousands separators) and for values that overflow.
    ///
    /// Numbers with at most 19 significant digits and a small exponent are
    /// converted exactly with one multiplication or division (Clinger's fast
    /// path); the rest fall back to `strtod`, so every result is correctly
    /// rounded.
    @inlinable
    public static func parseNumber(_ cell: UnsafeBufferPointer<UInt8>) -> (value: Double, isInteger: Bool)? {
        let count = cell.count
        var index = 0
        var negative = false
        if index < count, cell[index] == 0x2D || cell[index] == 0x2B {
            negative = cell[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedDigits = 0  // integer digits beyond 19, each a factor of ten
        var integerDigits = 0
        while index < count {
            let digit = cell[index] &- 0x30
            if digit > 9 { break }
            if mantissa == 0 && digit == 0 {
                // leading zero: not significant
            } else if significantDigits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                significantDigits += 1
            } else {
                droppedDigits += 1
            }
            integerDigits += 1
            index += 1
        }
        var fractionDigits = 0
        var sawPoint = false
        var exponent = droppedDigits
        if index < count, cell[index] == 0x2E {
            sawPoint = true
            index += 1
            while index < count {
                let digit = cell[index] &- 0x30
                if digit > 9 { break }
                if mantissa == 0 && digit == 0 {
                    exponent -= 1
                } else if significantDigits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significantDigits += 1
                    exponent -= 1
                }
                fractionDigits += 1
                index += 1
            }
        }
        if integerDigits + fractionDigits == 0 { return nil }
        var sawExponent = false
        if index < count, cell[index] | 0x20 == 0x65 {
            sawExponent = true
            index += 1
            var exponentNegative = false
            if index < count, cell[index] == 0x2D || cell[index] == 0x2B {
                exponentNegative = cell[index] == 0x2D
                index += 1
            }
            var written = 0
            var exponentDigits = 0
            while index < count {
                let digit = cell[index] &- 0x30
                if digit > 9 { break }
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                index += 1
            }
            if exponentDigits == 0 { return nil }
            exponent += exponentNegative ? -written : written
        }
        if index != count { return nil }
        let isInteger = !sawPoint && !sawExponent && significantDigits + droppedDigits <= 15
        if mantissa == 0 { return (negative ? -0.0 : 0.0, isInteger) }
        if significantDigits <= 15 && droppedDigits == 0 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            value = exponent < 0 ? value / exactPowerOfTen(-exponent) : value * exactPowerOfTen(exponent)
            return (negative ? -value : value, isInteger)
        }
        guard let value = parseWithStrtod(cell), value.isFinite else { return nil }
        return (value, isInteger)
    }

    /// Correctly rounded conversion of an already validated number.
    @usableFromInline
    static func parseWithStrtod(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: cell.count + 1) { text in
            for index in 0..<cell.count { text[index] = CChar(bitPattern: cell[index]) }
            text[cell.count] = 0
            return strtod(text.baseAddress!, nil)
        }
    }

    /// Parses `YYYY-MM-DD` optionally followed by `T` or a space and
    /// `HH:MM[:SS[.fraction]]` and an optional `Z`; returns seconds since
    /// 1970-01-01T00:00:00 UTC, or `nil`.
    @inlinable
    public static func parseDate(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = cell.count
        guard count >= 10, cell[4] == 0x2D, cell[7] == 0x2D else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for index in from..<(from + length) {
                let digit = cell[index] &- 0x30
                if digit > 9 { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if count == 10 { return seconds }
        guard count >= 16, cell[10] == 0x54 || cell[10] == 0x20, cell[13] == 0x3A,
              let hour = number(11, 2), let minute = number(14, 2), hour < 24, minute < 60 else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        var index = 16
        if index < count, cell[index] == 0x3A {
            guard count >= 19, let second = number(17, 2), second < 61 else { return nil }
            seconds += Double(second)
            index = 19
            if index < count, cell[index] == 0x2E {
                index += 1
                var scale = 0.1
                let start = index
                while index < count, cell[index] &- 0x30 <= 9 {
                    seconds += Double(cell[index] - 0x30) * scale
                    scale /= 10
                    index += 1
                }
                if index == start { return nil }
            }
        }
        if index < count, cell[index] == 0x5A { index += 1 }
        return index == count ? seconds : nil
    }

    /// Parses a compact date `YYYYMMDD` (eight digits, a valid day, as in
    /// the CDNOW purchase logs); returns seconds since 1970-01-01 UTC, or `nil`.
    @inlinable
    public static func parseCompactDate(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        guard cell.count == 8 else { return nil }
        var digits = 0
        for byte in cell {
            let digit = byte &- 0x30
            if digit > 9 { return nil }
            digits = digits * 10 + Int(digit)
        }
        let year = digits / 10_000, month = digits / 100 % 100, day = digits % 100
        guard year >= 1000, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month) else { return nil }
        return Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
    }

    /// Days in `month` of `year` in the proleptic Gregorian calendar.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
    /// `days_from_civil`).
    @inlinable
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Formats seconds since the epoch as `YYYY-MM-DD`, adding `THH:MM:SS`
    /// when the time of day is not midnight.
    public static func formatDate(seconds: Double) -> String {
        let totalSeconds = Int(seconds.rounded(.down))
        var days = totalSeconds / 86_400
        var secondOfDay = totalSeconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        // Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var result = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        if secondOfDay != 0 {
            result += "T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        }
        return result
    }
}
