@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Every cell's bytes, row-major: what two tables must agree on whatever
/// their cell layout (packed or in place in the input).
extension CellView {
    /// The bytes of every cell of the first `rows` rows, row-major.
    func contents(rows: Int) -> [[UInt8]] {
        (0..<rows).flatMap { row in (0..<columnCount).map { Array(cell(row: row, column: $0)) } }
    }
}

extension Table {
    /// Every cell's bytes, row-major.
    var cellContents: [[UInt8]] { withCells { $0.contents(rows: rowCount) } }
}

extension ParallelTableReader.Cells {
    /// Every cell's bytes, row-major.
    var contents: [[UInt8]] { withCells { $0.contents(rows: rowLines.count) } }
}
