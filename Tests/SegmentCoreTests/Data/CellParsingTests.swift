import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Byte-level number, missing-value and date parsing.
@Suite struct CellParsingTests {
    func classify(_ text: String) -> (CellKind, Double) {
        var text = text
        return text.withUTF8 { CellParsing.classify($0) }
    }

    func number(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { CellParsing.parseNumber($0)?.value }
    }

    @Test(arguments: ["", "  ", "NA", "na", "N/A", "n/a", "NaN", "nan", "NULL", "null", " NA "])
    func missingTokens(text: String) {
        #expect(classify(text).0 == .missing)
    }

    @Test func integersAndNumbers() {
        #expect(classify("42").0 == .integer)
        #expect(classify("-7").0 == .integer)
        #expect(classify(" 15 ").0 == .integer)
        #expect(classify("3.0").0 == .number)
        #expect(classify("1e3").0 == .number)
        #expect(classify("-.5").1 == -0.5)
        #expect(classify("12,5").0 == .text)
        #expect(classify("inf").0 == .nonFinite)
        #expect(classify("-Infinity").0 == .nonFinite)
        #expect(classify("info").0 == .text)
        #expect(classify("1e400").0 == .text)
        #expect(classify("0x1F").0 == .text)
        #expect(classify("1.").1 == 1)
        #expect(classify(".").0 == .text)
        #expect(classify("-").0 == .text)
        #expect(classify("1e").0 == .text)
    }

    /// Every result must equal the correctly rounded value from the standard
    /// library's parser, on the fast path and on the fallback alike.
    @Test func numbersAreCorrectlyRounded() {
        var generator = SplitMix64(seed: 7)
        var samples = ["0.1", "0.2", "0.3", "1.7976931348623157e308", "2.2250738585072014e-308", "4.9e-324",
                       "123456789012345678901234567890", "0.000000000000000000001234", "9007199254740993",
                       "3.14159265358979323846264338327950288", "1e22", "1e23", "-0.0", "000123.4500"]
        for _ in 0..<2000 {
            let digits = Int(generator.next() % 17) + 1
            var text = ""
            for _ in 0..<digits { text += String(generator.next() % 10) }
            let point = Int(generator.next() % UInt64(digits + 1))
            text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            if generator.next() % 3 == 0 { text += "e\(Int(generator.next() % 40) - 20)" }
            samples.append(text)
        }
        for sample in samples {
            #expect(number(sample) == Double(sample), "\(sample)")
        }
    }

    /// The one-pass path for plain integers and decimals must give
    /// `parseNumber`'s value bit for bit, and leave every other shape (signs
    /// other than one leading minus, exponents, two points, no digits, more
    /// than 15 digits) to it.
    @Test func plainNumbersMatchTheGeneralParser() {
        func plain(_ text: String) -> (value: Double, isInteger: Bool)? {
            var text = text
            return text.withUTF8 { CellParsing.parsePlainNumber($0) }
        }
        var generator = SplitMix64(seed: 11)
        var samples = ["-0.0", "0.", ".5", "-.5", "5.", "000123.4500", "999999999999.999", "-5.763566", "0", "-0", "42",
                       "123456789012345", "-123456789012345", "007"]
        for _ in 0..<5000 {
            let digits = Int(generator.next() % 15) + 1
            var text = ""
            for _ in 0..<digits { text += String(generator.next() % 10) }
            if generator.next() % 4 != 0 {
                text.insert(".", at: text.index(text.startIndex, offsetBy: Int(generator.next() % UInt64(digits + 1))))
            }
            if generator.next() % 2 == 0 { text = "-" + text }
            samples.append(text)
        }
        for sample in samples {
            let value = plain(sample)
            #expect(value?.value.bitPattern == number(sample)?.bitPattern, "\(sample)")
            #expect(value?.isInteger == !sample.contains("."), "\(sample)")
            #expect(classify(sample).0 == (sample.contains(".") ? .number : .integer), "\(sample)")
        }
        for other in ["", "-", ".", "-.", "1.2.3", "+1.5", "+7", "1.5e3", " 1.5", "1.5 ", "1,5", "1234567890.1234567",
                      "-1234567890.123456", "1234567890123456", "--1.5", "1-2"] {
            #expect(plain(other) == nil, "\(other)")
        }
    }

    @Test func dates() {
        #expect(classify("2024-03-01").0 == .date)
        #expect(classify("2024-03-01").1 == Double(CellParsing.daysFromCivil(year: 2024, month: 3, day: 1)) * 86_400)
        #expect(classify("1970-01-02T00:00:01Z").1 == 86_401)
        #expect(classify("2024-02-30").0 == .text)
        #expect(classify("2024-13-01").0 == .text)
        #expect(classify("2024-03-01 10:30").1 == classify("2024-03-01").1 + 37_800)
        #expect(CellParsing.formatDate(seconds: classify("2023-12-31").1) == "2023-12-31")
        #expect(CellParsing.formatDate(seconds: classify("2000-02-29T08:09:10").1) == "2000-02-29T08:09:10")
    }
}
