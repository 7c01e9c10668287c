@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// A plain transcription of scikit-learn's `MiniBatchKMeans` step
/// (`_mini_batch_step` with `_minibatch_update_dense`, `_random_reassign`
/// and `_mini_batch_convergence`, sklearn 1.x) over `[[Double]]`, the gold
/// standard `MiniBatchKMeans.step(_:)` must match. Reassignment draws rows
/// with the same generator calls as the optimised code.
struct PlainMiniBatch {
    var centers: [[Double]]
    var counts: [Double]
    var rng: SplitMix64
    let rowCount: Int
    let batchSize: Int
    var sinceReassign = 0
    var ewa: Double?
    var ewaMin: Double?
    var noImprovement = 0
    var steps = 0

    /// Returns true when the convergence test stops the run.
    mutating func step(_ batch: [[Double]]) -> Bool {
        let k = centers.count
        sinceReassign += batchSize
        var randomReassign = false
        if counts.contains(0) || sinceReassign >= 10 * k {
            sinceReassign = 0
            randomReassign = true
        }
        var labels: [Int] = []
        var inertia = 0.0
        for x in batch {
            var best = 0, bestDistance = Double.infinity
            for (c, center) in centers.enumerated() {
                var d = 0.0
                for f in 0..<x.count { d += (x[f] - center[f]) * (x[f] - center[f]) }
                if d < bestDistance { best = c; bestDistance = d }
            }
            labels.append(best)
            inertia += bestDistance
        }
        var newCenters = centers
        for c in 0..<k {
            let members = labels.indices.filter { labels[$0] == c }
            guard !members.isEmpty else { continue }
            for f in 0..<newCenters[c].count { newCenters[c][f] = centers[c][f] * counts[c] }
            for m in members { for f in 0..<newCenters[c].count { newCenters[c][f] += batch[m][f] } }
            counts[c] += Double(members.count)
            let alpha = 1 / counts[c]
            for f in 0..<newCenters[c].count { newCenters[c][f] *= alpha }
        }
        if randomReassign {
            var toReassign = (0..<k).map { counts[$0] < 0.01 * counts.max()! }
            if toReassign.filter({ $0 }).count > batchSize / 2 {
                let order = (0..<k).sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }
                for c in order[(batchSize / 2)...] { toReassign[c] = false }
            }
            let chosen = (0..<k).filter { toReassign[$0] }
            if !chosen.isEmpty {
                var rows: [Int] = []
                for _ in chosen {
                    var row: Int
                    repeat { row = Int.random(in: 0..<batchSize, using: &rng) } while rows.contains(row)
                    rows.append(row)
                }
                let smallest = (0..<k).filter { !toReassign[$0] }.map { counts[$0] }.min()!
                for (c, row) in zip(chosen, rows) {
                    newCenters[c] = batch[row]
                    counts[c] = smallest
                }
            }
        }
        centers = newCenters
        steps += 1
        guard steps > 1 else { return false }
        let batchInertia = inertia / Double(batchSize)
        if let previous = ewa {
            let alpha = min(1, Double(batchSize) * 2 / Double(rowCount + 1))
            ewa = previous * (1 - alpha) + batchInertia * alpha
        } else {
            ewa = batchInertia
        }
        if ewaMin == nil || ewa! < ewaMin! {
            noImprovement = 0
            ewaMin = ewa
        } else {
            noImprovement += 1
        }
        return noImprovement >= 10
    }
}
