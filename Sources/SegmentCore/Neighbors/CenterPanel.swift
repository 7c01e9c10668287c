/// Centres laid out for the nearest-centre kernel: feature-major
/// (`values[feature * paddedCount + center]`), padded with `+∞` to a multiple
/// of eight centres so the kernel works on whole `SIMD8<Double>` lanes.
///
/// A padding centre is infinitely far from every point and is never chosen.
struct CenterPanel {
    /// Number of real centres.
    let count: Int
    /// `count` rounded up to a multiple of `CenterPanel.laneWidth`.
    let paddedCount: Int
    /// Number of features.
    let dimensions: Int
    /// Feature-major, padded centre coordinates.
    private(set) var values: [Double]

    /// Centres per SIMD block.
    static let laneWidth = 8

    /// Creates an empty panel for `count` centres of `dimensions` features.
    init(count: Int, dimensions: Int) {
        self.count = count
        self.dimensions = dimensions
        paddedCount = (count + CenterPanel.laneWidth - 1) / CenterPanel.laneWidth * CenterPanel.laneWidth
        values = [Double](repeating: .infinity, count: paddedCount * dimensions)
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
        values.withUnsafeMutableBufferPointer { panel in
            for center in 0..<count {
                for feature in 0..<width {
                    panel[feature * padded + center] = centers[center * width + feature]
                }
            }
        }
    }
}
