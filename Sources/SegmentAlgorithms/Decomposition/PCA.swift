import SegmentBase

/// Exact principal component analysis to two components, for drawing
/// segments of more than two features in the plane (K. Pearson, "On lines
/// and planes of closest fit", 1901).
///
/// The sample covariance matrix (divided by n − 1) is decomposed with
/// `SymmetricEigen`. Sign convention, as scikit-learn's `PCA` (≥ 1.5,
/// `svd_flip(u_based_decision=False)`): each component's loading of largest
/// absolute value is positive (the first such loading on ties), so results
/// are deterministic and comparable with scikit-learn.
public struct PCA: Sendable {
    /// Per-feature means subtracted before projecting.
    public let mean: [Double]
    /// The components as rows (`components × features`).
    public let components: Matrix
    /// Variance along each component.
    public let explainedVariance: [Double]
    /// Share of the total variance along each component (0 when the total is 0).
    public let explainedVarianceRatio: [Double]

    /// Fits the first `min(2, features)` components of `data` (rows are observations).
    /// - Complexity: O(n·d²) for the covariance plus O(d³) for the eigen-decomposition.
    public init(fitting data: Matrix) {
        let d = data.columns
        let (mean, products) = Self.centredCrossProducts(data)
        var covariance = products
        let divisor = Double(max(1, data.rows - 1))
        for i in 0..<(d * d) { covariance.storage[i] /= divisor }
        let eigen = SymmetricEigen(covariance)
        let kept = min(2, d)
        var components = Matrix(rows: kept, columns: d)
        for component in 0..<kept {
            var largest = 0
            for feature in 0..<d where abs(eigen.vectors[feature, component]) > abs(eigen.vectors[largest, component]) {
                largest = feature
            }
            let sign: Double = eigen.vectors[largest, component] < 0 ? -1 : 1
            for feature in 0..<d { components[component, feature] = sign * eigen.vectors[feature, component] }
        }
        let variances = eigen.values.map { max(0, $0) }
        let total = variances.reduce(0, +)
        self.mean = mean
        self.components = components
        explainedVariance = Array(variances.prefix(kept))
        explainedVarianceRatio = explainedVariance.map { total > 0 ? $0 / total : 0 }
    }

    /// The column means of `data` and the cross products of its centred
    /// columns (`d × d`, symmetric): n − 1 times the sample covariance.
    /// - Complexity: O(n·d²).
    static func centredCrossProducts(_ data: Matrix) -> (mean: [Double], products: Matrix) {
        let n = data.rows, d = data.columns
        var mean = [Double](repeating: 0, count: d)
        var products = Matrix(rows: d, columns: d)
        data.storage.withUnsafeBufferPointer { values in
            mean.withUnsafeMutableBufferPointer { mean in
                for row in 0..<n {
                    for column in 0..<d { mean[column] += values[row * d + column] }
                }
                if n > 0 { for column in 0..<d { mean[column] /= Double(n) } }
                products.storage.withUnsafeMutableBufferPointer { sums in
                    var centered = [Double](repeating: 0, count: d)
                    for row in 0..<n {
                        for column in 0..<d { centered[column] = values[row * d + column] - mean[column] }
                        for i in 0..<d {
                            let scaled = centered[i]
                            for j in i..<d { sums[i * d + j] += scaled * centered[j] }
                        }
                    }
                }
            }
        }
        for i in 0..<d {
            for j in i..<d { products[j, i] = products[i, j] }
        }
        return (mean, products)
    }

    /// The rows of `data` in component coordinates, always two columns (the
    /// second is zero when there was a single feature).
    public func project(_ data: Matrix) -> Matrix {
        precondition(data.columns == mean.count, "data has \(data.columns) features, the PCA \(mean.count)")
        var result = Matrix(rows: data.rows, columns: 2)
        let d = data.columns, kept = components.rows
        data.storage.withUnsafeBufferPointer { values in
            components.storage.withUnsafeBufferPointer { loadings in
                result.storage.withUnsafeMutableBufferPointer { output in
                    for row in 0..<data.rows {
                        for component in 0..<kept {
                            var sum = 0.0
                            for feature in 0..<d {
                                sum += (values[row * d + feature] - mean[feature]) * loadings[component * d + feature]
                            }
                            output[row * 2 + component] = sum
                        }
                    }
                }
            }
        }
        return result
    }
}
