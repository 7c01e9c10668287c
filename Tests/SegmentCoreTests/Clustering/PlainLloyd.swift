@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// A plain, obviously correct k-means (scikit-learn's Lloyd semantics: strict
/// convergence on unchanged labels, tolerance on the summed squared centre
/// shift, a final assignment after a non-strict stop), over `[[Double]]`,
/// that the optimised kernels must match. No empty-cluster handling: used
/// only on inputs where no cluster empties.
struct PlainLloyd {
    var centers: [[Double]]
    var labels: [Int]
    var inertia: Double
    var iterations: Int

    init(points: [[Double]], start: [[Double]], tolerance: Double, maximumIterations: Int = 300) {
        func squared(_ a: [Double], _ b: [Double]) -> Double {
            var sum = 0.0
            for index in a.indices { sum += (a[index] - b[index]) * (a[index] - b[index]) }
            return sum
        }
        func nearest(_ point: [Double], _ centers: [[Double]]) -> Int {
            var best = 0
            for center in centers.indices where squared(point, centers[center]) < squared(point, centers[best]) { best = center }
            return best
        }
        var centers = start
        var labels = [Int](repeating: -1, count: points.count)
        var strict = false
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            let new = points.map { nearest($0, centers) }
            let changed = zip(new, labels).contains { $0 != $1 }
            labels = new
            var moved = centers
            for center in centers.indices {
                let members = points.indices.filter { labels[$0] == center }
                moved[center] = (0..<points[0].count).map { dim in members.reduce(0.0) { $0 + points[$1][dim] } / Double(members.count) }
            }
            let shift = centers.indices.reduce(0.0) { $0 + squared(centers[$1], moved[$1]) }
            centers = moved
            if !changed { strict = true; break }
            if shift <= tolerance { break }
        }
        if !strict { labels = points.map { nearest($0, centers) } }
        self.centers = centers
        self.labels = labels
        self.iterations = iterations
        inertia = points.indices.reduce(0.0) { $0 + squared(points[$1], centers[labels[$1]]) }
    }
}
