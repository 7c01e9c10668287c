import SegmentBase

/// A segment's numeric feature in original units, compared with everyone.
public struct FeatureProfile: Sendable, Equatable {
    /// The column name.
    public var name: String
    /// Mean of the segment's present values.
    public var mean: Double
    /// Median of the segment's present values (NumPy's linear interpolation).
    public var median: Double
    /// `(segment mean − overall mean) / overall standard deviation` (sample,
    /// n − 1, over all labelled rows); 0 when the column is constant.
    public var difference: Double
}

/// The share of each value of a categorical column within a segment.
public struct CategoryProfile: Sendable, Equatable {
    /// The column name.
    public var column: String
    /// Every value of the column (most frequent overall first) with its share
    /// of the segment's rows (missing cells count in the denominator only).
    public var shares: [(value: String, share: Double)]

    /// The most frequent value in the segment and its share (the value
    /// listed first on a tie); `nil` for a column without values.
    public var mode: (value: String, share: Double)? {
        var best: (value: String, share: Double)?
        for entry in shares where best == nil || entry.share > best!.share { best = entry }
        return best
    }

    /// Equal when the column and every (value, share) pair are equal.
    public static func == (lhs: CategoryProfile, rhs: CategoryProfile) -> Bool {
        lhs.column == rhs.column && lhs.shares.elementsEqual(rhs.shares) { $0.value == $1.value && $0.share == $1.share }
    }
}

/// One segment described for a marketer: size, feature statistics,
/// category shares, a persona and a suggested action.
public struct SegmentProfile: Sendable, Equatable {
    /// The segment label as written in the label column (`all` for the overall row).
    public var label: String
    /// Whether this is the noise group (label −1).
    public var isNoise: Bool
    /// Number of rows.
    public var size: Int
    /// Share of all labelled rows.
    public var share: Double
    /// Per numeric feature, in the order requested.
    public var features: [FeatureProfile]
    /// Per categorical column, in the order requested.
    public var categories: [CategoryProfile]
    /// A short description from the strongest differences (see `Persona`).
    public var persona: String
    /// What to do with the segment (see `SuggestedAction`).
    public var action: SuggestedAction?
    /// The segment's bootstrap stability, read from the input's `stability`
    /// column (written by `segment cluster --stability`); `nil` without one.
    public var stability: Double?
    /// What the segment's customers are worth, read from the input's `clv`
    /// and `p_alive` columns (written by `segment clv`); `nil` without them.
    public var customerValue: SegmentCustomerValue?
}

/// A segment's customer value: its summed lifetime value, that sum's share
/// of everyone's, and its customers' mean probability of being active.
public struct SegmentCustomerValue: Sendable, Equatable {
    /// The summed `clv` of the segment's rows.
    public var totalCLV: Double
    /// `totalCLV` over the summed `clv` of every labelled row.
    public var clvShare: Double
    /// The mean `p_alive` of the segment's rows; `nil` without that column.
    public var meanProbabilityAlive: Double?

    /// A segment's value figures.
    public init(totalCLV: Double, clvShare: Double, meanProbabilityAlive: Double?) {
        self.totalCLV = totalCLV
        self.clvShare = clvShare
        self.meanProbabilityAlive = meanProbabilityAlive
    }
}

/// The profiles of every segment of a labelled table, plus the overall row.
public struct SegmentProfiles: Sendable {
    /// The segments in label order (numeric labels ascending, noise last).
    public var segments: [SegmentProfile]
    /// Everyone with a label, described the same way (persona `everyone`).
    public var overall: SegmentProfile
    /// Rows whose label was empty (e.g. dropped for missing values), left out.
    public var unlabelledCount: Int
    /// Numeric feature names, in order.
    public var featureNames: [String]
    /// Categorical column names, in order.
    public var categoryColumns: [String]
}
