import SegmentBase

/// Applies a model's assignment rule to scaled rows, one at a time, with its
/// buffers prepared once (the streaming core of `segment assign`).
public struct SegmentAssigner {
    private let rule: AssignmentRule
    /// The centres in the rule's tie order, and the segment of each.
    private let panel: CenterPanel?
    private let segmentOfPanelCenter: [Int]
    private var distances: [Double]

    /// Prepares `rule` for repeated use.
    public init(rule: AssignmentRule) {
        self.rule = rule
        if case .nearestCenter(let centers, let dimensions, let tieOrder) = rule {
            let segments = tieOrder ?? Array(0..<(centers.count / dimensions))
            let panel = CenterPanel(Matrix(rows: centers.count / dimensions, columns: dimensions, storage: centers).selectingRows(segments))
            self.panel = panel
            segmentOfPanelCenter = segments
            distances = [Double](repeating: 0, count: panel.paddedCount)
        } else {
            panel = nil
            segmentOfPanelCenter = []
            distances = []
        }
    }

    /// The segment id of one scaled row (−1: noise).
    /// - Precondition: `row.count == rule.dimensions`.
    public mutating func label(of row: UnsafeBufferPointer<Double>) -> Int {
        precondition(row.count == rule.dimensions, "row has \(row.count) features, the model \(rule.dimensions)")
        switch rule {
        case .nearestCenter:
            let panel = panel!
            return panel.values.withUnsafeBufferPointer { values in
                distances.withUnsafeMutableBufferPointer { distances in
                    NearestCenterKernel.squaredDistances(from: row.baseAddress!, panel: values.baseAddress!, dimensions: panel.dimensions,
                                                         paddedCount: panel.paddedCount, into: distances.baseAddress!)
                    return segmentOfPanelCenter[NearestCenterKernel.nearest(distances.baseAddress!, paddedCount: panel.paddedCount).index]
                }
            }
        case .corePoints(let points, let dimensions, let labels, let eps, let metric):
            return points.withUnsafeBufferPointer { points in
                var best = -1
                var bestDistance = Double.infinity
                for core in 0..<labels.count {
                    let distance = metric == "manhattan"
                        ? manhattan(row.baseAddress!, points.baseAddress! + core * dimensions, dimensions: dimensions)
                        : NearestCenterKernel.squaredDistance(row.baseAddress!, points.baseAddress! + core * dimensions, dimensions: dimensions).squareRoot()
                    if distance <= eps && distance < bestDistance {
                        best = labels[core]
                        bestDistance = distance
                    }
                }
                return best
            }
        case .prototypes(let means, let modes, let categorical, let gamma):
            return Self.cheapestPrototype(row.baseAddress!, means: means, modes: modes, categorical: categorical, gamma: gamma)
        case .medoids(let medoids, let categorical, let metric, let factors):
            let distance = MixedDistance(metric: MixedMetric(rawValue: metric)!, numericFactors: factors)
            return medoids.withUnsafeBufferPointer { medoids in
                var best = 0, bestDistance = Double.infinity
                for segment in 0..<(medoids.count / categorical.count) {
                    let d = distance.distance(row.baseAddress!, medoids.baseAddress! + segment * categorical.count, categorical: categorical)
                    if d < bestDistance {
                        best = segment
                        bestDistance = d
                    }
                }
                return best
            }
        }
    }

    /// The k-prototypes segment of least cost for an interleaved row (the
    /// first on a tie).
    private static func cheapestPrototype(_ row: UnsafePointer<Double>, means: [Double], modes: [Int], categorical: [Bool],
                                          gamma: Double) -> Int {
        let q = categorical.lazy.filter { $0 }.count, p = categorical.count - q
        var best = 0, bestCost = Double.infinity
        for segment in 0..<(means.count / p) {
            var squared = 0.0, mismatches = 0, numeric = 0, category = 0
            for (feature, isCategorical) in categorical.enumerated() {
                if isCategorical {
                    if row[feature].isNaN || Int(row[feature]) != modes[segment * q + category] { mismatches += 1 }
                    category += 1
                } else {
                    let difference = means[segment * p + numeric] - row[feature]
                    squared += difference * difference
                    numeric += 1
                }
            }
            let cost = squared + gamma * Double(mismatches)
            if cost < bestCost {
                best = segment
                bestCost = cost
            }
        }
        return best
    }

    /// The Manhattan (L1) distance between two points.
    private func manhattan(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, dimensions: Int) -> Double {
        var sum = 0.0
        for feature in 0..<dimensions { sum += abs(a[feature] - b[feature]) }
        return sum
    }
}
