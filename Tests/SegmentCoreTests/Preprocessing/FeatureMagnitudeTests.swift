import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Values that would overflow squared distances are refused with the line,
/// column and value; quoted cells in messages stay short.
@Suite struct FeatureMagnitudeTests {
    @Test func refusesValuesBeyondTheLimit() {
        let safe = Matrix([[1e100, -1e100], [0, 3]])
        #expect(throws: Never.self) {
            try FeatureMagnitude.check(safe, names: ["a", "b"], source: "f.csv", lines: { $0 + 2 }, scale: .none)
        }
        let huge = Matrix([[1, 2], [3, -1.5e308]])
        #expect(throws: SegmentError.invalidData(file: "f.csv", line: 3, column: "b", message: "the value -1.5e+308 after \(parameter: "scale") none is too large to compute distances with (the limit is ±1e100); use \(parameter: "scale") standard or minmax, or divide the column by a large constant")) {
            try FeatureMagnitude.check(huge, names: ["a", "b"], source: "f.csv", lines: { $0 + 2 }, scale: .none)
        }
        let row: [Double] = [2e101]
        #expect(throws: SegmentError.invalidData(file: "g.csv", line: 9, column: "x", message: "the value 2e+101 after \(parameter: "scale") robust is too large to compute distances with (the limit is ±1e100); the row is far outside the data the model was made from; correct or remove it")) {
            try row.withUnsafeBufferPointer { try FeatureMagnitude.check(row: $0, names: ["x"], source: "g.csv", line: 9, scale: .robust) }
        }
    }

    @Test func scaledDataChecksTheOtherFix() {
        #expect(throws: SegmentError.invalidData(file: "f.csv", line: 2, column: "a", message: "the value 1e+200 after \(parameter: "scale") robust is too large to compute distances with (the limit is ±1e100); divide the column by a large constant, or use \(parameter: "scale") standard or minmax")) {
            try FeatureMagnitude.check(Matrix([[1e200]]), names: ["a"], source: "f.csv", lines: { $0 + 2 }, scale: .robust)
        }
    }

    @Test func longCellsAreQuotedShort() {
        #expect(MessageText.quoted("abc") == "'abc'")
        #expect(MessageText.quoted(String(repeating: "é", count: 60)) == "'" + String(repeating: "é", count: 60) + "'")
        #expect(MessageText.quoted(String(repeating: "z", count: 61)) == "'" + String(repeating: "z", count: 60) + "…' (61 characters)")
        #expect(FeatureCellError.notANumber.message(for: "1" + String(repeating: "0", count: 400))
            == "expected a finite number, found '1" + String(repeating: "0", count: 59) + "…' (401 characters); correct it, or leave it empty (or NA) to mark it missing")
    }
}
