/// A dense matrix of `Double` stored as one contiguous row-major buffer.
///
/// All feature data handed to algorithms lives in a `Matrix`: row `i`
/// occupies `storage[i * columns ..< (i + 1) * columns]`. Kernels enter the
/// buffer once through `withUnsafeBufferPointer` and work on raw pointers.
public struct Matrix: Sendable, Equatable {
    /// Number of rows (observations).
    public let rows: Int
    /// Number of columns (features).
    public let columns: Int
    /// Row-major values; `storage.count == rows * columns`.
    public var storage: [Double]

    /// Creates a `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        storage = [Double](repeating: value, count: rows * columns)
    }

    /// Wraps an existing row-major buffer.
    /// - Precondition: `storage.count == rows * columns`.
    public init(rows: Int, columns: Int, storage: [Double]) {
        precondition(storage.count == rows * columns, "storage has \(storage.count) values, expected \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Builds a matrix from rows of equal length (convenient in tests and for
    /// small inputs; never use it on a hot path).
    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "rows must have equal length")
        self.init(rows: rowArrays.count, columns: width, storage: rowArrays.flatMap { $0 })
    }

    /// The value at `row`, `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// A copy of row `index`.
    public func row(_ index: Int) -> [Double] {
        Array(storage[index * columns..<(index + 1) * columns])
    }

    /// A new matrix holding the given rows, in the given order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        if columns == 0 { return result }
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for (position, index) in indices.enumerated() {
                    let from = source.baseAddress! + index * columns
                    (target.baseAddress! + position * columns).update(from: from, count: columns)
                }
            }
        }
        return result
    }
}
