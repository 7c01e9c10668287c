import SegmentBase

/// `SegmentProfiles` as output records for `RecordWriter`.
extension SegmentProfiles {
    /// Whether a segment carries a bootstrap stability (a `stability` column after `action`).
    public var hasStability: Bool { segments.contains { $0.stability != nil } }

    /// Whether the segments carry customer value (`total_clv`, `clv_share`, `mean_p_alive` columns after `stability`).
    public var hasCustomerValue: Bool { overall.customerValue != nil }

    /// The column names: `segment, size, share, persona, action` (and
    /// `stability` when a segment has one, `total_clv`, `clv_share` and
    /// `mean_p_alive` with customer value), then per feature `NAME mean`,
    /// `NAME median`, `NAME diff (sd)`, then per categorical column
    /// `COLUMN mode` (its most frequent value in the segment) and per value
    /// `COLUMN=VALUE` (its share of the segment).
    public var recordHeader: [String] {
        var header = ["segment", "size", "share", "persona", "action"] + (hasStability ? ["stability"] : [])
            + (hasCustomerValue ? ["total_clv", "clv_share", "mean_p_alive"] : [])
        for name in featureNames { header += ["\(name) mean", "\(name) median", "\(name) diff (sd)"] }
        for category in overall.categories {
            header += ["\(category.column) mode"] + category.shares.map { "\(category.column)=\($0.value)" }
        }
        return header
    }

    /// One record per segment (noise after the segments) and a last `all` row.
    /// - Parameter readable: round statistics to 2 decimals and write shares as
    ///   percentages (for `table` and `markdown`); otherwise full precision and
    ///   shares as fractions.
    public func records(readable: Bool) -> [[OutputValue]] {
        func number(_ value: Double) -> OutputValue {
            guard value.isFinite else { return .missing }
            return readable ? .text(DecimalText.format(value, decimals: 2)) : .number(value)
        }
        func share(_ value: Double) -> OutputValue {
            readable ? .text(DecimalText.format(value * 100, decimals: 1) + "%") : .number(value)
        }
        return (segments + [overall]).map { profile in
            var record: [OutputValue] = [.text(profile.label), .integer(profile.size), share(profile.share),
                                         .text(profile.persona), profile.action.map { .text($0.text) } ?? .missing]
            if hasStability { record.append(profile.stability.map(number) ?? .missing) }
            if hasCustomerValue {
                let value = profile.customerValue
                record += [value.map { number($0.totalCLV) } ?? .missing, value.map { share($0.clvShare) } ?? .missing,
                           value?.meanProbabilityAlive.map(number) ?? .missing]
            }
            for feature in profile.features {
                record += [number(feature.mean), number(feature.median), number(feature.difference)]
            }
            for category in profile.categories {
                record += [category.mode.map { .text($0.value) } ?? .missing] + category.shares.map { share($0.share) }
            }
            return record
        }
    }
}
