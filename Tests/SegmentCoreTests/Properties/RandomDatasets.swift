@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Seeded random small datasets for property-based tests: a few Gaussian-ish
/// blobs (sums of uniforms) in 1–4 dimensions, optionally rounded to
/// integers so that duplicate rows and distance ties occur.
struct RandomDataset {
    var points: Matrix
    /// The seed that made it, for failure messages.
    var seed: UInt64

    /// Dataset number `index` of a property test; `rounded` makes integer data.
    init(index: Int, rounded: Bool = false, rows: ClosedRange<Int> = 5...60, columns: ClosedRange<Int> = 1...4) {
        seed = 0x5EED_0000 + UInt64(index)
        var generator = SplitMix64(seed: seed)
        func uniform(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(generator.next() % UInt64(range.count))
        }
        let n = uniform(rows), d = uniform(columns), blobs = uniform(1...5)
        let centres = (0..<(blobs * d)).map { _ in 20 * generator.nextUnitDouble() - 10 }
        var storage = [Double](repeating: 0, count: n * d)
        for row in 0..<n {
            let blob = uniform(0...(blobs - 1))
            for feature in 0..<d {
                let noise = (0..<3).reduce(0.0) { sum, _ in sum + generator.nextUnitDouble() } - 1.5
                let value = centres[blob * d + feature] + 2 * noise
                storage[row * d + feature] = rounded ? value.rounded() : value
            }
        }
        points = Matrix(rows: n, columns: d, storage: storage)
    }

    /// The rows as arrays, for the plain reference implementations.
    var rows: [[Double]] { (0..<points.rows).map { points.row($0) } }
}

/// How many random datasets each property is checked on.
let propertyIterations = 200
