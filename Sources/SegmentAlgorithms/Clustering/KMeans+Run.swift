import Foundation
import SegmentBase

extension KMeans {
    /// One k-means run from given starting centres: the buffers of a fit and
    /// the iteration loop shared by the Lloyd and Hamerly assignment passes.
    ///
    /// Centre sums are kept up to date incrementally: a row whose label
    /// changes moves its coordinates from the old centre's sum to the new
    /// one, so rows that keep their label (most rows, after the first
    /// iterations) are never read again by the Hamerly pass. Rows are split
    /// into at most `maximumChunks` fixed chunks (independent of the thread
    /// count); each chunk writes its changes to its own slice of
    /// `partialSums`/`partialCounts`, which are added in chunk order, so
    /// centres are bit-identical for any thread count and for both methods.
    struct Run {
        /// Upper limit on the number of row chunks (bounds the partial-sum buffers).
        static let maximumChunks = 64
        /// Lower limit on rows per chunk.
        static let minimumChunkRows = 2_048

        let data: Matrix
        /// `data` in single precision, read by the nearest-centre screens.
        let singles: SinglePrecisionRows
        let rowCount: Int
        let width: Int
        let clusterCount: Int
        let chunks: ParallelChunks
        /// Current centres, row-major `k × width`.
        var centers: [Double]
        /// The centres as the kernel reads them.
        var panel: CenterPanel
        /// Label per row; −1 before the first assignment.
        let labels: Buffer<Int>
        /// Running centre sums (`k × width`) and sizes for the current labels.
        var sums: [Double]
        var counts: [Int]
        /// Per-chunk changes to the sums (`chunk × k × width`) and sizes (`chunk × k`).
        let partialSums: Buffer<Double>
        let partialCounts: Buffer<Int>
        /// Rows whose label changed, per chunk.
        let partialChanges: Buffer<Int>
        /// Hamerly state (empty for plain Lloyd).
        var bounds: HamerlyBounds?
        /// When not nil, the inertia after each iteration's assignment step
        /// (against the centres it assigned to) is appended: a test hook for
        /// Lloyd's monotone descent, off (one nil check per iteration) in fits.
        var inertiaTrace: [Double]?

        /// Prepares a run of `data` from `centers`; `singles` (made when nil)
        /// is `data` in single precision, shared by restarts.
        init(data: Matrix, centers: Matrix, threads: Int, singles: SinglePrecisionRows? = nil) {
            self.data = data
            self.singles = singles ?? SinglePrecisionRows(data, threads: threads)
            rowCount = data.rows
            width = data.columns
            clusterCount = centers.rows
            let chunkRows = max(Run.minimumChunkRows, (data.rows + Run.maximumChunks - 1) / Run.maximumChunks)
            chunks = ParallelChunks(count: data.rows, chunkSize: chunkRows, threads: threads)
            self.centers = centers.storage
            panel = CenterPanel(centers)
            labels = Buffer(repeating: -1, chunks: chunks)
            sums = [Double](repeating: 0, count: clusterCount * width)
            counts = [Int](repeating: 0, count: clusterCount)
            partialSums = Buffer(repeating: 0, count: chunks.chunkCount * clusterCount * width)
            partialCounts = Buffer(repeating: 0, count: chunks.chunkCount * clusterCount)
            partialChanges = Buffer(repeating: 0, count: chunks.chunkCount)
        }

        /// Iterates to convergence (scikit-learn's `_kmeans_single_lloyd`).
        mutating func iterate(maximumIterations: Int, tolerance: Double, accelerated: Bool) -> Result {
            if accelerated { bounds = HamerlyBounds(rows: chunks, clusterCount: clusterCount, scale: coordinateScale()) }
            var strict = false
            var iterations = 0
            var stoppedEarly = false
            while iterations < maximumIterations {
                iterations += 1
                let changed = assign(accumulate: true)
                if inertiaTrace != nil { inertiaTrace!.append(inertia()) }
                let shift = updateCenters()
                if changed == 0 {
                    strict = true
                    stoppedEarly = true
                    break
                }
                if shift <= tolerance {
                    stoppedEarly = true
                    break
                }
            }
            if !strict { _ = assign(accumulate: false) }
            return Result(centers: Matrix(rows: clusterCount, columns: width, storage: centers), labels: labels.array,
                          inertia: inertia(), iterations: iterations, converged: stoppedEarly)
        }

        /// Assigns every row to its nearest centre (Lloyd or Hamerly pass) and,
        /// when `accumulate`, records the moved rows in the per-chunk sums.
        /// - Returns: the number of rows whose label changed.
        mutating func assign(accumulate: Bool) -> Int {
            if accumulate {
                partialSums.fill(0)
                partialCounts.fill(0)
            }
            if bounds != nil {
                hamerlyPass(accumulate: accumulate)
            } else {
                lloydPass(accumulate: accumulate)
            }
            return partialChanges.array.reduce(0, +)
        }

        /// Moves every centre to the mean of its rows (relocating empty
        /// clusters), refreshes the panel and the Hamerly shifts.
        /// - Returns: the summed squared centre shift.
        mutating func updateCenters() -> Double {
            let k = clusterCount, chunkCount = chunks.chunkCount
            for chunk in 0..<chunkCount {
                for index in 0..<(k * width) { sums[index] += partialSums[chunk * k * width + index] }
                for center in 0..<k { counts[center] += partialCounts[chunk * k + center] }
            }
            if counts.contains(0) { relocateEmptyClusters() }
            var newCenters = centers
            for center in 0..<k where counts[center] > 0 {
                for feature in 0..<width {
                    newCenters[center * width + feature] = sums[center * width + feature] / Double(counts[center])
                }
            }
            var totalShift = 0.0
            var shifts = [Double](repeating: 0, count: k)
            newCenters.withUnsafeBufferPointer { new in
                centers.withUnsafeBufferPointer { old in
                    for center in 0..<k {
                        let squared = NearestCenterKernel.squaredDistance(new.baseAddress! + center * width, old.baseAddress! + center * width, dimensions: width)
                        totalShift += squared
                        shifts[center] = squared.squareRoot()
                    }
                }
            }
            centers = newCenters
            centers.withUnsafeBufferPointer { panel.load($0) }
            bounds?.centersMoved(by: shifts, centers: centers, width: width)
            return totalShift
        }

        /// Gives each empty cluster the row farthest from its current centre
        /// (largest distance first, ties by row), taking it out of its old
        /// cluster, as scikit-learn's `_relocate_empty_clusters_dense`. The
        /// row is relabelled so the running sums match the labels, and its
        /// Hamerly bounds are reset.
        mutating func relocateEmptyClusters() {
            let empty = (0..<clusterCount).filter { counts[$0] == 0 }
            var distances = [Double](repeating: 0, count: rowCount)
            data.storage.withUnsafeBufferPointer { points in
                centers.withUnsafeBufferPointer { centers in
                    for row in 0..<rowCount {
                        distances[row] = NearestCenterKernel.squaredDistance(points.baseAddress! + row * width,
                                                                            centers.baseAddress! + labels[row] * width, dimensions: width)
                    }
                }
            }
            let farthest = (0..<rowCount).sorted { distances[$0] != distances[$1] ? distances[$0] > distances[$1] : $0 < $1 }
            for (position, center) in empty.enumerated() {
                let row = farthest[position]
                let old = labels[row]
                for feature in 0..<width {
                    let value = data.storage[row * width + feature]
                    sums[old * width + feature] -= value
                    sums[center * width + feature] = value
                }
                counts[center] = 1
                counts[old] -= 1
                labels[row] = center
                bounds?.reset(row: row)
            }
        }

        /// The sum of squared distances from each row to its labelled centre.
        func inertia() -> Double {
            let width = width, labels = labels
            return data.storage.withUnsafeBufferPointer { points in
                centers.withUnsafeBufferPointer { centers in
                    let shared = UncheckedSendable((points.baseAddress!, centers.baseAddress!))
                    return chunks.mapChunks { _, rows in
                        let (points, centers) = shared.value
                        var sum = 0.0
                        for row in rows {
                            sum += NearestCenterKernel.squaredDistance(points + row * width, centers + labels[row] * width, dimensions: width)
                        }
                        return sum
                    }.reduce(0, +)
                }
            }
        }

        /// The largest Euclidean norm among the rows and centres: the scale
        /// of every distance in the run, used for Hamerly's rounding margin.
        func coordinateScale() -> Double {
            let width = width
            let rowsLargest = data.storage.withUnsafeBufferPointer { points in
                let shared = UncheckedSendable(points.baseAddress!)
                return chunks.mapChunks { _, rows in
                    Self.largestSquaredNorm(shared.value + rows.lowerBound * width, rows: rows.count, width: width)
                }.max() ?? 0
            }
            let centersLargest = centers.withUnsafeBufferPointer {
                Self.largestSquaredNorm($0.baseAddress!, rows: clusterCount, width: width)
            }
            return max(rowsLargest, centersLargest).squareRoot()
        }

        /// The largest squared Euclidean norm of `rows` row-major rows.
        static func largestSquaredNorm(_ values: UnsafePointer<Double>, rows: Int, width: Int) -> Double {
            var largest = 0.0
            for row in 0..<rows {
                var norm = 0.0
                for feature in 0..<width { norm += values[row * width + feature] * values[row * width + feature] }
                largest = max(largest, norm)
            }
            return largest
        }
    }
}
