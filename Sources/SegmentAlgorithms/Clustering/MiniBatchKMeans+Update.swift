import SegmentBase

extension MiniBatchKMeans {
    /// Processes one batch of `batchSize` rows (row-major, d values each):
    /// scikit-learn's `_mini_batch_step` followed by its
    /// `_mini_batch_convergence` test.
    /// - Returns: true when the run should stop (a stopping rule fired, or
    ///   the step limit is reached).
    /// - Complexity: O(batchSize × k × d).
    public mutating func step(_ batch: UnsafeBufferPointer<Double>) -> Bool {
        let width = centers.columns, k = centers.rows
        precondition(batch.count == batchSize * width, "a batch holds \(batchSize) rows of \(width) values")
        rowsSinceReassignment += batchSize
        var reassign = false
        if counts.contains(0) || rowsSinceReassignment >= 10 * k {
            rowsSinceReassignment = 0
            reassign = true
        }
        if tolerance > 0 { previousCenters.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: centers.storage) } }
        let inertia = assignBatch(batch)
        updateCenters(batch)
        if reassign && configuration.reassignmentRatio > 0 { reassignLowCounts(batch) }
        centers.storage.withUnsafeBufferPointer { panel.load($0) }
        steps += 1
        var change = 0.0
        if tolerance > 0 {
            for index in 0..<previousCenters.count {
                let shift = centers.storage[index] - previousCenters[index]
                change += shift * shift
            }
        }
        if hasConverged(batchInertia: inertia / Double(batchSize), centerChange: change) {
            converged = true
            return true
        }
        return steps >= stepLimit
    }

    /// Labels every batch row with its nearest centre (into `batchLabels`),
    /// counts rows per centre (into `batchCounts`) and returns the batch inertia.
    mutating func assignBatch(_ batch: UnsafeBufferPointer<Double>) -> Double {
        let width = centers.columns, padded = panel.paddedCount
        var inertia = 0.0
        for index in batchCounts.indices { batchCounts[index] = 0 }
        panel.values.withUnsafeBufferPointer { values in
            distances.withUnsafeMutableBufferPointer { distances in
                batchLabels.withUnsafeMutableBufferPointer { labels in
                    batchCounts.withUnsafeMutableBufferPointer { sizes in
                        for row in 0..<batchSize {
                            NearestCenterKernel.squaredDistances(from: batch.baseAddress! + row * width, panel: values.baseAddress!,
                                                                 dimensions: width, paddedCount: padded, into: distances.baseAddress!)
                            let nearest = NearestCenterKernel.nearest(distances.baseAddress!, paddedCount: padded)
                            labels[row] = nearest.index
                            sizes[nearest.index] += 1
                            inertia += nearest.distance
                        }
                    }
                }
            }
        }
        return inertia
    }

    /// Moves each centre that received rows to the mean of all rows it has
    /// absorbed, in scikit-learn's order of operations
    /// (`_minibatch_update_dense`): `c × count`, plus each row in batch
    /// order, times `1 / (count + n_b)`.
    mutating func updateCenters(_ batch: UnsafeBufferPointer<Double>) {
        let width = centers.columns
        let received = batchCounts
        centers.storage.withUnsafeMutableBufferPointer { centers in
            for center in received.indices where received[center] > 0 {
                for feature in 0..<width { centers[center * width + feature] *= counts[center] }
            }
            for row in 0..<batchSize {
                let center = batchLabels[row]
                for feature in 0..<width { centers[center * width + feature] += batch[row * width + feature] }
            }
            for center in received.indices where received[center] > 0 {
                counts[center] += Double(received[center])
                let rate = 1 / counts[center]
                for feature in 0..<width { centers[center * width + feature] *= rate }
            }
        }
    }

    /// Moves centres whose count is below `reassignmentRatio ×` the largest
    /// count to distinct random rows of the batch (at most half the batch;
    /// the lowest counts first) and sets their counts to the smallest count
    /// kept, as scikit-learn does.
    mutating func reassignLowCounts(_ batch: UnsafeBufferPointer<Double>) {
        let width = centers.columns
        let threshold = configuration.reassignmentRatio * (counts.max() ?? 0)
        var chosen = counts.indices.filter { counts[$0] < threshold }
        let limit = batchSize / 2
        if chosen.count > limit {
            let byCount = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] < counts[$1] : $0 < $1 }
            let kept = Set(byCount[limit...])
            chosen.removeAll { kept.contains($0) }
        }
        guard !chosen.isEmpty else { return }
        var rows: [Int] = []
        for _ in chosen {
            var row: Int
            repeat { row = Int.random(in: 0..<batchSize, using: &rng) } while rows.contains(row)
            rows.append(row)
        }
        let reassigned = Set(chosen)
        let smallestKept = counts.indices.filter { !reassigned.contains($0) }.map { counts[$0] }.min() ?? 0
        centers.storage.withUnsafeMutableBufferPointer { centers in
            for (center, row) in zip(chosen, rows) {
                for feature in 0..<width { centers[center * width + feature] = batch[row * width + feature] }
                counts[center] = smallestKept
            }
        }
    }

    /// scikit-learn's `_mini_batch_convergence`: the first batch is ignored;
    /// later batch inertias (per row) are smoothed with weight
    /// `min(1, 2 × batchSize / (n + 1))`; the run stops on a small centre
    /// change or after `maximumNoImprovement` batches without a new minimum.
    mutating func hasConverged(batchInertia: Double, centerChange: Double) -> Bool {
        guard steps > 1 else { return false }
        if let smoothed = smoothedInertia {
            let alpha = min(1, Double(batchSize) * 2 / Double(rowCount + 1))
            smoothedInertia = smoothed * (1 - alpha) + batchInertia * alpha
        } else {
            smoothedInertia = batchInertia
        }
        if tolerance > 0 && centerChange <= tolerance { return true }
        if smoothedInertiaMinimum == nil || smoothedInertia! < smoothedInertiaMinimum! {
            stepsWithoutImprovement = 0
            smoothedInertiaMinimum = smoothedInertia
        } else {
            stepsWithoutImprovement += 1
        }
        if let patience = configuration.maximumNoImprovement, stepsWithoutImprovement >= patience { return true }
        return false
    }
}
