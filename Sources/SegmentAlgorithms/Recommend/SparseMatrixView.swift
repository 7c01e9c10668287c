import SegmentBase

/// A borrowed, read-only view of a `SparseMatrix`'s CSR arrays for kernels.
struct SparseMatrixView {
    /// `rowCount + 1` row offsets.
    let rowStarts: UnsafeBufferPointer<Int>
    /// Column of each entry.
    let columnIndices: UnsafeBufferPointer<Int32>
    /// Value of each entry.
    let values: UnsafeBufferPointer<Double>
}

extension SparseMatrix {
    /// Calls `body` with a view of the CSR arrays.
    func withView<Result>(_ body: (SparseMatrixView) throws -> Result) rethrows -> Result {
        try rowStarts.withUnsafeBufferPointer { starts in
            try columnIndices.withUnsafeBufferPointer { columns in
                try values.withUnsafeBufferPointer { values in
                    try body(SparseMatrixView(rowStarts: starts, columnIndices: columns, values: values))
                }
            }
        }
    }
}
