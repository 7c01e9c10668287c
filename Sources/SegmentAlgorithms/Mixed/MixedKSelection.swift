import SegmentBase

/// k-prototypes or k-medoids fitted for every k of a range, with each fit's
/// cost and silhouette, for `--k auto` and `elbow`.
public struct MixedKSelection: Sendable {
    /// One k of the range.
    public struct Candidate: Sendable {
        /// The number of segments.
        public var k: Int
        /// The fit.
        public var fit: MixedFit
        /// The algorithm's objective (k-prototypes' cost, k-medoids' loss).
        public var cost: Double { fit.clustering.objective?.value ?? .nan }
    }

    /// One candidate per k, in increasing k.
    public var candidates: [Candidate]

    /// Fits every k of `range` that the rows allow (up to their count).
    /// - Throws: `ParameterError` about `k-range` when it starts above the row count.
    public static func evaluate(_ rows: MixedRows, clusterer: MixedClusterer, range: ClosedRange<Int>, silhouetteRows: Int,
                                seed: UInt64, threads: Int) throws -> MixedKSelection {
        guard range.lowerBound <= rows.count else {
            throw ParameterError("k-range", "\(parameter: "k-range") starts at k=\(range.lowerBound) but the input has \(rows.count) rows; choose a range within 1-\(rows.count)")
        }
        let candidates = try (range.lowerBound...min(range.upperBound, rows.count)).map { k in
            Candidate(k: k, fit: try clusterer.fit(rows, k: k, silhouetteRows: silhouetteRows, seed: seed, threads: threads))
        }
        return MixedKSelection(candidates: candidates)
    }

    /// The k at the knee of the cost curve, if it has one.
    public var knee: Int? {
        Kneedle.knee(x: candidates.map { Double($0.k) }, y: candidates.map(\.cost)).map { candidates[$0].k }
    }

    /// The k with the highest silhouette (the smallest on a tie), if any is defined.
    public var bestSilhouette: Int? {
        var best: Candidate?
        for candidate in candidates {
            guard let value = candidate.fit.silhouette else { continue }
            if best == nil || value > best!.fit.silhouette! { best = candidate }
        }
        return best?.k
    }

    /// The k `criterion` (`elbow` or `silhouette`) picks, else the best
    /// silhouette, else the smallest k; and whether it fell back.
    public func choice(by criterion: SelectionCriterion) -> (k: Int, fellBack: Bool) {
        if criterion == .elbow, let knee { return (knee, false) }
        if let best = bestSilhouette { return (best, criterion != .silhouette) }
        return (candidates[0].k, true)
    }
}
