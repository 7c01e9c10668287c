import SegmentBase

/// What to do with missing feature values (`--missing`).
public enum MissingPolicy: String, Sendable, Codable, CaseIterable {
    /// Stop with an error naming the first missing cell (the default).
    case error
    /// Leave the row out of the analysis; it stays in the output with an
    /// empty label.
    case drop
    /// Fill with the column mean (categorical columns: the most frequent value).
    case mean
    /// Fill with the column median (categorical columns: the most frequent value).
    case median
    /// Fill with the most frequent value (ties: the smallest number, or the
    /// category seen first).
    case mode
    /// Keep the value missing (NaN, or no category) for the algorithm to
    /// handle: k-medoids with Gower distances skips it per pair, as
    /// `cluster::daisy`. Other algorithms refuse it.
    case keep

    /// Whether the policy fills missing values from the fitted data.
    public var imputes: Bool { self == .mean || self == .median || self == .mode }
}
