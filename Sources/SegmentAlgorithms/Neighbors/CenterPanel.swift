import SegmentBase

/// Centres laid out for the nearest-centre kernels: feature-major
/// (`values[feature * paddedCount + center]`), padded to a multiple of eight
/// centres so the kernels work on whole `SIMD8<Double>` lanes.
///
/// Two copies are kept: `values` (padding `+∞`, for exact distances, where a
/// padding centre is infinitely far from every point) and, in single
/// precision, `singleValues` (padding 0, for dot products) with the squared
/// norms `singleNorms` (padding `+∞`), so neither kernel ever chooses a
/// padding centre.
struct CenterPanel {
    /// Number of real centres.
    let count: Int
    /// `count` rounded up to a multiple of `CenterPanel.laneWidth`.
    let paddedCount: Int
    /// Number of features.
    let dimensions: Int
    /// Feature-major, padded centre coordinates (padding `+∞`).
    private(set) var values: [Double]
    /// Feature-major, padded centre coordinates rounded to `Float` (padding 0).
    private(set) var singleValues: [Float]
    /// Squared Euclidean norm of each rounded centre, rounded (padding `+∞`).
    private(set) var singleNorms: [Float]
    /// The largest Euclidean norm of a real centre.
    private(set) var largestNorm = 0.0

    /// Centres per SIMD block.
    static let laneWidth = 8

    /// Creates an empty panel for `count` centres of `dimensions` features.
    init(count: Int, dimensions: Int) {
        self.count = count
        self.dimensions = dimensions
        paddedCount = (count + CenterPanel.laneWidth - 1) / CenterPanel.laneWidth * CenterPanel.laneWidth
        values = [Double](repeating: .infinity, count: paddedCount * dimensions)
        singleValues = [Float](repeating: 0, count: paddedCount * dimensions)
        singleNorms = [Float](repeating: .infinity, count: paddedCount)
    }

    /// Creates a panel holding the rows of `centers`.
    init(_ centers: Matrix) {
        self.init(count: centers.rows, dimensions: centers.columns)
        centers.storage.withUnsafeBufferPointer { load($0) }
    }

    /// Replaces the centres with `centers` (row-major, `count × dimensions`).
    mutating func load(_ centers: UnsafeBufferPointer<Double>) {
        precondition(centers.count == count * dimensions, "expected \(count * dimensions) centre values, got \(centers.count)")
        let padded = paddedCount, width = dimensions
        var largestSquaredNorm = 0.0
        values.withUnsafeMutableBufferPointer { panel in
            singleValues.withUnsafeMutableBufferPointer { singles in
                for center in 0..<count {
                    var norm = 0.0, singleNorm = 0.0
                    for feature in 0..<width {
                        let value = centers[center * width + feature]
                        let single = Float(value)
                        panel[feature * padded + center] = value
                        singles[feature * padded + center] = single
                        norm += value * value
                        singleNorm += Double(single) * Double(single)
                    }
                    singleNorms[center] = Float(singleNorm)
                    largestSquaredNorm = max(largestSquaredNorm, norm)
                }
            }
        }
        largestNorm = largestSquaredNorm.squareRoot()
    }

    /// Calls `body` with pointers to the panel's arrays.
    func withPointers<Result>(_ body: (Pointers) throws -> Result) rethrows -> Result {
        try values.withUnsafeBufferPointer { values in
            try singleValues.withUnsafeBufferPointer { singles in
                try singleNorms.withUnsafeBufferPointer { norms in
                    try body(Pointers(values: values.baseAddress!, singleValues: singles.baseAddress!, singleNorms: norms.baseAddress!,
                                      largestNorm: largestNorm, dimensions: dimensions, paddedCount: paddedCount))
                }
            }
        }
    }

    /// A panel's arrays as raw pointers, valid inside `withPointers`, for the kernels.
    struct Pointers: @unchecked Sendable {
        /// `CenterPanel.values`.
        let values: UnsafePointer<Double>
        /// `CenterPanel.singleValues`.
        let singleValues: UnsafePointer<Float>
        /// `CenterPanel.singleNorms`.
        let singleNorms: UnsafePointer<Float>
        /// `CenterPanel.largestNorm`.
        let largestNorm: Double
        /// `CenterPanel.dimensions`.
        let dimensions: Int
        /// `CenterPanel.paddedCount`.
        let paddedCount: Int
    }
}
