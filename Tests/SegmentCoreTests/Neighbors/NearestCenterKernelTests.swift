import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The nearest-centre kernels against plain double-precision loops: the
/// single-precision screen must always pick the centre the exact kernel
/// picks (first index on an exact tie), and its bounds must hold.
@Suite struct NearestCenterKernelTests {
    /// The exact kernel's choice, written plainly: squared distances summed
    /// feature by feature, first index on a tie.
    static func plainNearest(_ point: [Double], _ centers: [[Double]]) -> (index: Int, distances: [Double]) {
        let distances = centers.map { center in
            var sum = 0.0
            for feature in point.indices {
                let difference = point[feature] - center[feature]
                sum = sum + difference * difference
            }
            return sum
        }
        var best = 0
        for index in distances.indices where distances[index] < distances[best] { best = index }
        return (best, distances)
    }

    /// Runs the screen on every row of `points`, in blocks of one to eight
    /// rows (so partly filled blocks are covered), and checks it against
    /// `plainNearest`.
    static func checkScreen(points: [[Double]], centers: [[Double]]) {
        let dimensions = centers[0].count
        let data = Matrix(rows: points.count, columns: dimensions, storage: points.flatMap { $0 })
        let singles = SinglePrecisionRows(data, threads: 1)
        let panel = CenterPanel(Matrix(rows: centers.count, columns: dimensions, storage: centers.flatMap { $0 }))
        let buffers = ScreenBuffers(dimensions: dimensions, paddedCount: panel.paddedCount)
        panel.withPointers { pointers in
            data.storage.withUnsafeBufferPointer { storage in
                var start = 0, blockSize = 1
                while start < points.count {
                    let count = min(blockSize, points.count - start)
                    NearestCenterKernel.nearestScreened(singles.row(start), count: count,
                                                        exact: { storage.baseAddress! + (start + $0) * dimensions },
                                                        panel: pointers, buffers: buffers)
                    for lane in 0..<count {
                        let row = start + lane, point = points[row]
                        let plain = plainNearest(point, centers)
                        #expect(Int(buffers.index[lane]) == plain.index, "row \(row): \(point)")
                        let slack = 1e-12
                        #expect(buffers.upper[lane] >= plain.distances[plain.index].squareRoot() * (1 - slack), "row \(row)")
                        let second = Int(buffers.secondIndex[lane])
                        #expect(second >= 0 && second < centers.count, "row \(row)")
                        #expect(second != plain.index || centers.count == 1, "row \(row): the second centre is another one")
                        for (center, distance) in plain.distances.enumerated() where center != plain.index {
                            let bound = center == second ? buffers.lower[lane] : buffers.outer[lane]
                            #expect(bound <= distance.squareRoot() * (1 + slack) + 1e-300, "row \(row), centre \(center)")
                        }
                        #expect(buffers.lower[lane] <= buffers.outer[lane], "row \(row): the second centre is the nearer")
                        let terms = centers[plain.index].withUnsafeBufferPointer {
                            NearestCenterKernel.squaredTerms(from: singles.row(row), to: $0.baseAddress!, dimensions: dimensions)
                        }
                        let bounds = NearestCenterKernel.upperBounds(squaredDistance: SIMD8(repeating: terms.distance),
                                                                     squaredCopyNorm: SIMD8(repeating: terms.copyNorm), dimensions: dimensions)
                        #expect(bounds[0] >= plain.distances[plain.index].squareRoot() * (1 - slack), "row \(row)")
                        #expect(bounds[7] == bounds[0], "row \(row): every lane computes the same bound")
                    }
                    start += count
                    blockSize = blockSize % NearestCenterKernel.screenRows + 1
                }
            }
        }
    }

    static func uniform(_ generator: inout SplitMix64, count: Int, dimensions: Int, offset: Double, scale: Double) -> [[Double]] {
        (0..<count).map { _ in (0..<dimensions).map { _ in offset + scale * (generator.nextUnitDouble() * 2 - 1) } }
    }

    @Test(arguments: [(1, 1), (2, 3), (3, 8), (8, 16), (8, 17), (5, 40), (20, 9), (33, 24)])
    func screenPicksTheExactNearestCentre(dimensions: Int, clusters: Int) {
        var generator = SplitMix64(seed: UInt64(dimensions * 100 + clusters))
        for (offset, scale) in [(0.0, 1.0), (1e6, 3.0), (0.0, 1e-9), (-5e3, 1e4)] {
            let centers = Self.uniform(&generator, count: clusters, dimensions: dimensions, offset: offset, scale: scale)
            let points = Self.uniform(&generator, count: 400, dimensions: dimensions, offset: offset, scale: scale)
            Self.checkScreen(points: points, centers: centers)
        }
    }

    @Test func exactTiesGoToTheFirstCentre() {
        // Centres mirrored about x = 0 (and a duplicate of centre 0): every point
        // on the plane x = 0 is exactly equidistant from centres 0, 1 and 2.
        let centers: [[Double]] = [[-1, 0.5, 2], [1, 0.5, 2], [-1, 0.5, 2], [7, 7, 7]]
        var generator = SplitMix64(seed: 5)
        let points = (0..<300).map { _ in [0, generator.nextUnitDouble() * 4 - 2, generator.nextUnitDouble() * 4] }
            + [[1e-30, 0.5, 2], [-1e-30, 0.5, 2], [0.1, 0.1, 0.1]]
        Self.checkScreen(points: points, centers: centers)
    }

    @Test func nearTiesBelowSinglePrecisionAreDecidedExactly() {
        // Points a few double ulps off the bisector of two centres: the
        // single-precision scores cannot separate them, the exact kernel can.
        let centers: [[Double]] = [[-1, 0], [1, 0], [9_999, 0], [10_001, 0]]
        let nearOrigin: [[Double]] = (-40...40).map { step -> [Double] in [Double(step) * 1e-15, 0.25] }
        let farOut: [[Double]] = (-40...40).map { step -> [Double] in [10_000 + Double(step) * 1e-11, 0] }
        Self.checkScreen(points: nearOrigin + farOut, centers: centers)
    }

    @Test func valuesBeyondSinglePrecisionFallBackToExact() {
        let centers: [[Double]] = [[1e39, 0], [-1e39, 0], [0, 1e-40]]
        let points: [[Double]] = [[3e38, 1], [-5e38, 2], [1e-45, 1e-41], [0, 0], [4e39, 4e39]]
        Self.checkScreen(points: points, centers: centers)
    }

    @Test func nearestThreeMatchesAPlainScan() {
        var generator = SplitMix64(seed: 9)
        /// The first index holding the smallest value among `indices`.
        func first(_ values: [Double], among indices: [Int]) -> Int? {
            indices.min { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        }
        for padded in [8, 16, 24, 64] {
            for real in [1, 2, 3, padded] {
                for _ in 0..<200 {
                    // Few distinct values, so ties are common; padding is +∞.
                    let values = (0..<padded).map { $0 < real ? Double(generator.next() % 6) : .infinity }
                    let best = first(values, among: Array(values.indices))!
                    let second = first(values, among: values.indices.filter { $0 != best && $0 < real })
                    let third = second.flatMap { second in first(values, among: values.indices.filter { $0 != best && $0 != second && $0 < real }) }
                    let found = values.withUnsafeBufferPointer { NearestCenterKernel.nearestThree($0.baseAddress!, paddedCount: padded) }
                    #expect(found.index == best && found.distance == values[best])
                    #expect(found.secondIndex == (second ?? best) && found.second == second.map { values[$0] } ?? .infinity)
                    #expect(found.third == third.map { values[$0] } ?? .infinity)
                }
            }
        }
    }

    @Test func singlePrecisionRowsRoundEachValue() {
        let values: [Double] = [1, -2.5, 1e-50, 3.4e38, 1e39, .pi, 0.1, -0]
        let singles = SinglePrecisionRows(Matrix(rows: 2, columns: 4, storage: values), threads: 2)
        for (index, value) in values.enumerated() {
            #expect(singles.row(index / 4)[index % 4] == Float(value))
        }
    }
}
