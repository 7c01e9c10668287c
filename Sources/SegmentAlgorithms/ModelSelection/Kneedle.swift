import SegmentBase

/// Knee detection on a decreasing, convex curve such as inertia against k
/// (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'kneedle' in a haystack:
/// detecting knee points in system behavior", ICDCS Workshops 2011).
///
/// Both axes are normalised to [0, 1]; the knee is the point farthest below
/// the straight line joining the first and last points (the maximum of
/// Kneedle's difference curve), the first on a tie.
public enum Kneedle {
    /// The index of the knee of `y` over increasing `x`, or `nil` when there
    /// are fewer than three points, `y` is flat, or no point lies below the line.
    /// - Complexity: O(n).
    public static func knee(x: [Double], y: [Double]) -> Int? {
        precondition(x.count == y.count, "x and y must have equal length")
        guard x.count >= 3, let firstX = x.first, let lastX = x.last, lastX > firstX,
              let low = y.min(), let high = y.max(), high > low else { return nil }
        let decreasing = y.first! >= y.last!
        var best: Int?
        var bestDifference = 0.0
        for index in x.indices {
            let nx = (x[index] - firstX) / (lastX - firstX)
            let ny = (y[index] - low) / (high - low)
            // Distance below the chord from (0, 1) to (1, 0), or (0, 0) to (1, 1) when increasing.
            let difference = decreasing ? (1 - nx) - ny : nx - ny
            if difference > bestDifference + 1e-12 {
                bestDifference = difference
                best = index
            }
        }
        return best
    }
}
