import SegmentBase

/// Rows of mixed features kept apart by kind, for the algorithms that treat
/// categories as categories (k-prototypes, k-medoids): the scaled numeric
/// features as a flat row-major buffer, the categorical features as codes.
///
/// A missing numeric value is NaN and a missing category is −1 (only under
/// `MissingPolicy.keep`, which Gower distances honour).
public struct MixedRows: Sendable {
    /// Number of rows.
    public let count: Int
    /// Numeric features per row.
    public let numericWidth: Int
    /// Categorical features per row.
    public let categoricalWidth: Int
    /// Row-major `count × numericWidth` numeric values.
    public let numeric: [Double]
    /// Row-major `count × categoricalWidth` category codes (`0..<levels[j]`, −1 missing).
    public let codes: [Int32]
    /// Number of categories of each categorical feature.
    public let levels: [Int]
    /// For each feature of the source matrix, whether it is categorical.
    public let categorical: [Bool]

    /// Splits `matrix` (one column per feature, category codes stored as
    /// whole numbers, NaN for a missing code) by `categorical`.
    /// - Parameter levels: the number of categories of each categorical
    ///   column, in column order.
    public init(_ matrix: Matrix, categorical: [Bool], levels: [Int]) {
        precondition(categorical.count == matrix.columns, "one flag per column")
        precondition(levels.count == categorical.lazy.filter { $0 }.count, "one level count per categorical column")
        let numericColumns = categorical.indices.filter { !categorical[$0] }
        let categoricalColumns = categorical.indices.filter { categorical[$0] }
        var numeric = [Double](repeating: 0, count: matrix.rows * numericColumns.count)
        var codes = [Int32](repeating: 0, count: matrix.rows * categoricalColumns.count)
        for row in 0..<matrix.rows {
            for (position, column) in numericColumns.enumerated() {
                numeric[row * numericColumns.count + position] = matrix[row, column]
            }
            for (position, column) in categoricalColumns.enumerated() {
                let value = matrix[row, column]
                codes[row * categoricalColumns.count + position] = value.isNaN ? -1 : Int32(value)
            }
        }
        self.init(count: matrix.rows, numeric: numeric, numericWidth: numericColumns.count, codes: codes,
                  categoricalWidth: categoricalColumns.count, levels: levels, categorical: categorical)
    }

    /// Creates rows from their two buffers.
    public init(count: Int, numeric: [Double], numericWidth: Int, codes: [Int32], categoricalWidth: Int, levels: [Int],
                categorical: [Bool]) {
        precondition(numeric.count == count * numericWidth && codes.count == count * categoricalWidth, "buffer sizes")
        self.count = count
        self.numeric = numeric
        self.numericWidth = numericWidth
        self.codes = codes
        self.categoricalWidth = categoricalWidth
        self.levels = levels
        self.categorical = categorical
    }

    /// Whether some value is missing.
    public var hasMissingValues: Bool {
        numeric.contains { $0.isNaN } || codes.contains { $0 < 0 }
    }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> MixedRows {
        var numeric: [Double] = [], codes: [Int32] = []
        numeric.reserveCapacity(indices.count * numericWidth)
        codes.reserveCapacity(indices.count * categoricalWidth)
        for row in indices {
            numeric += self.numeric[(row * numericWidth)..<((row + 1) * numericWidth)]
            codes += self.codes[(row * categoricalWidth)..<((row + 1) * categoricalWidth)]
        }
        return MixedRows(count: indices.count, numeric: numeric, numericWidth: numericWidth, codes: codes,
                         categoricalWidth: categoricalWidth, levels: levels, categorical: categorical)
    }

    /// Row `row` as one value per source feature (codes as whole numbers,
    /// NaN for a missing code), the layout `init(_:categorical:levels:)` reads.
    public func interleavedRow(_ row: Int) -> [Double] {
        var numericPosition = 0, categoricalPosition = 0
        return categorical.map { isCategorical in
            if isCategorical {
                defer { categoricalPosition += 1 }
                let code = codes[row * categoricalWidth + categoricalPosition]
                return code < 0 ? .nan : Double(code)
            }
            defer { numericPosition += 1 }
            return numeric[row * numericWidth + numericPosition]
        }
    }
}
