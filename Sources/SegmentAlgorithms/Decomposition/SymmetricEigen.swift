import SegmentBase

/// Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi
/// method (C. G. J. Jacobi, 1846; see G. H. Golub and C. F. Van Loan,
/// "Matrix Computations", 4th ed., §8.5): plane rotations zero each
/// off-diagonal entry in turn until the matrix is diagonal to rounding.
///
/// Complexity: O(d³) per sweep, a handful of sweeps; meant for covariance
/// matrices of a few hundred features at most.
public struct SymmetricEigen: Sendable {
    /// Eigenvalues in decreasing order.
    public let values: [Double]
    /// Eigenvectors as the columns of a `d × d` matrix, in the order of `values`.
    public let vectors: Matrix

    /// Decomposes `matrix`, which must be square and symmetric.
    public init(_ matrix: Matrix) {
        precondition(matrix.rows == matrix.columns, "the matrix must be square")
        let d = matrix.rows
        var a = matrix
        var v = Matrix(rows: d, columns: d)
        for i in 0..<d { v[i, i] = 1 }
        let scale = a.storage.reduce(0) { max($0, abs($1)) }
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<d { for q in (p + 1)..<max(p + 1, d) { offDiagonal += a[p, q] * a[p, q] } }
            if offDiagonal <= (1e-30 * scale * scale) { break }
            for p in 0..<d {
                for q in (p + 1)..<max(p + 1, d) where a[p, q] != 0 {
                    Self.rotate(&a, &v, p, q)
                }
            }
        }
        let order = (0..<d).sorted { a[$0, $0] != a[$1, $1] ? a[$0, $0] > a[$1, $1] : $0 < $1 }
        values = order.map { a[$0, $0] }
        var sorted = Matrix(rows: d, columns: d)
        for (column, source) in order.enumerated() {
            for row in 0..<d { sorted[row, column] = v[row, source] }
        }
        vectors = sorted
    }

    /// Applies the Jacobi rotation that zeroes `a[p, q]`, accumulating it in `v`.
    private static func rotate(_ a: inout Matrix, _ v: inout Matrix, _ p: Int, _ q: Int) {
        let d = a.rows
        let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<d {
            let akp = a[k, p], akq = a[k, q]
            a[k, p] = c * akp - s * akq
            a[k, q] = s * akp + c * akq
        }
        for k in 0..<d {
            let apk = a[p, k], aqk = a[q, k]
            a[p, k] = c * apk - s * aqk
            a[q, k] = s * apk + c * aqk
        }
        for k in 0..<d {
            let vkp = v[k, p], vkq = v[k, q]
            v[k, p] = c * vkp - s * vkq
            v[k, q] = s * vkp + c * vkq
        }
    }
}
