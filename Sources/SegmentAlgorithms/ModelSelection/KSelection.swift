import SegmentBase

/// How `--k auto` chooses the number of clusters.
public enum SelectionCriterion: String, Sendable, CaseIterable {
    /// The highest mean silhouette.
    case silhouette
    /// The knee of the inertia curve (Kneedle).
    case elbow
    /// The highest Calinski–Harabasz index.
    case calinskiHarabasz = "calinski-harabasz"
    /// The lowest Davies–Bouldin index.
    case daviesBouldin = "davies-bouldin"
    /// The gap statistic's choice (`GapStatistic.Rule`, `firstSEmax` by default).
    case gap
    /// The highest bootstrap stability (`BootstrapStability.overall`), over k ≥ 2.
    case stability
}

/// K-means run for every k of a range, with the validation indices of each
/// run, the knee of the inertia curve and the best k by each criterion.
public struct KSelection: Sendable {
    /// One k of the range.
    public struct Candidate: Sendable {
        /// The number of clusters.
        public var k: Int
        /// The k-means fit.
        public var fit: KMeans.Result
        /// Mean silhouette (on a sample for large inputs); `nil` when undefined.
        public var silhouette: Double?
        /// Calinski–Harabasz index; `nil` when undefined.
        public var calinskiHarabasz: Double?
        /// Davies–Bouldin index; `nil` when undefined.
        public var daviesBouldin: Double?
        /// The mean bootstrap stability of the fit's segments, when asked for.
        public var stability: Double?
    }

    /// One candidate per k, in increasing k.
    public var candidates: [Candidate]
    /// The gap statistic over the range, when it was asked for.
    public var gap: GapStatistic?
    /// The rule that picks k from the gap curve.
    public var gapRule = GapStatistic.Rule.firstSEmax
    /// Largest number of rows the silhouette is computed on exactly.
    public var silhouetteRows: Int

    /// The default of `silhouetteRows`.
    public static let defaultSilhouetteRows = 10_000

    /// The part of `requested` that `data` can be split into: k up to the
    /// number of distinct rows.
    /// - Throws: `ParameterError` when the range starts above
    ///   the number of distinct rows.
    public static func feasibleRange(_ requested: ClosedRange<Int>, for data: Matrix) throws -> ClosedRange<Int> {
        let distinct = data.distinctRowCount(limit: requested.upperBound)
        guard requested.lowerBound <= distinct else {
            let low = requested.lowerBound
            throw ParameterError("k-range", data.rows == 1
                ? "\(parameter: "k-range") starts at k=\(low) but the input has only one row, so there is only one segment; segmenting needs at least \(low) rows"
                : distinct == 1
                ? "\(parameter: "k-range") starts at k=\(low) but every row has the same feature values, so there is only one segment; check \(parameter: "features")"
                : "\(parameter: "k-range") starts at k=\(low) but the features have only \(distinct) distinct rows; choose a range within 1-\(distinct)")
        }
        return requested.lowerBound...distinct
    }

    /// Fits k-means for every k in `range` with `configuration` (its
    /// `clusterCount` is replaced) and scores each fit.
    /// - Parameters:
    ///   - silhouetteRows: rows beyond which the silhouette is computed on a
    ///     random sample of this many rows.
    ///   - gap: when given, the gap statistic over the range too, with this
    ///     many reference sets and this rule.
    ///   - stabilityResamples: when given, each fit's bootstrap stability
    ///     over this many resamples.
    /// - Throws: `ParameterError` when a k does not fit the data.
    public static func evaluate(_ data: Matrix, range: ClosedRange<Int>, configuration: KMeans.Configuration,
                                silhouetteRows: Int = defaultSilhouetteRows,
                                gap: (referenceSets: Int, rule: GapStatistic.Rule)? = nil,
                                stabilityResamples: Int? = nil) throws -> KSelection {
        var candidates: [Candidate] = []
        for k in range {
            var settings = configuration
            settings.clusterCount = k
            let fit = try KMeans.fit(data, configuration: settings)
            candidates.append(Candidate(
                k: k, fit: fit,
                silhouette: Silhouette.sampledScore(data, labels: fit.labels, maximumRows: silhouetteRows,
                                                    seed: configuration.seed, threads: configuration.threads),
                calinskiHarabasz: CalinskiHarabasz.score(data, labels: fit.labels),
                daviesBouldin: DaviesBouldin.score(data, labels: fit.labels),
                stability: try stabilityResamples.map {
                    try BootstrapStability(data, labels: fit.labels, resamples: $0, configuration: settings).overall
                }))
        }
        var selection = KSelection(candidates: candidates, silhouetteRows: silhouetteRows)
        if let gap {
            selection.gap = try GapStatistic(data, logW: candidates.map { ($0.k, GapStatistic.logWithinSumOfSquares($0.fit.inertia)) },
                                             referenceSets: gap.referenceSets, configuration: configuration)
            selection.gapRule = gap.rule
        }
        return selection
    }

    /// The k at the knee of the inertia curve, if it has one.
    public var knee: Int? {
        Kneedle.knee(x: candidates.map { Double($0.k) }, y: candidates.map(\.fit.inertia)).map { candidates[$0].k }
    }

    /// The best k by `criterion`, if the criterion is defined for some k
    /// (the smallest such k on a tie).
    public func best(by criterion: SelectionCriterion) -> Int? {
        let scored: [(k: Int, value: Double)]
        switch criterion {
        case .elbow: return knee
        case .gap: return gap.map { $0.choice(by: gapRule) }
        case .silhouette: scored = candidates.compactMap { c in c.silhouette.map { (c.k, $0) } }
        case .calinskiHarabasz: scored = candidates.compactMap { c in c.calinskiHarabasz.map { (c.k, $0) } }
        case .daviesBouldin: scored = candidates.compactMap { c in c.daviesBouldin.map { (c.k, -$0) } }
        case .stability: scored = candidates.compactMap { c in c.k < 2 ? nil : c.stability.map { (c.k, $0) } }
        }
        var best: (k: Int, value: Double)?
        for candidate in scored where best == nil || candidate.value > best!.value { best = candidate }
        return best?.k
    }

    /// The k that `--k auto` takes with `criterion`: its best k, else the
    /// best silhouette, else the smallest k. Also says whether it fell back.
    public func choice(by criterion: SelectionCriterion) -> (k: Int, fellBack: Bool) {
        if let k = best(by: criterion) { return (k, false) }
        return (best(by: .silhouette) ?? candidates[0].k, true)
    }

    /// The candidate for `k`.
    public func candidate(k: Int) -> Candidate? { candidates.first { $0.k == k } }
}
