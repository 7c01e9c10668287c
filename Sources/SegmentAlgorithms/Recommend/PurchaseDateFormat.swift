import SegmentBase

/// How a purchase date column writes its dates, decided by its first row.
public enum PurchaseDateFormat: String, Sendable {
    /// `YYYY-MM-DD`, optionally with a time of day (ISO 8601).
    case iso = "YYYY-MM-DD"
    /// `YYYYMMDD`, eight digits.
    case compact = "YYYYMMDD"

    /// The format of `cell`, or `nil` when it is neither.
    public static func detect(_ cell: UnsafeBufferPointer<UInt8>) -> PurchaseDateFormat? {
        if CellParsing.parseDate(cell) != nil { return .iso }
        if CellParsing.parseCompactDate(cell) != nil { return .compact }
        return nil
    }

    /// Seconds since 1970-01-01 UTC of `cell`, or `nil` when it is not in this format.
    public func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        switch self {
        case .iso: return CellParsing.parseDate(cell)
        case .compact: return CellParsing.parseCompactDate(cell)
        }
    }
}
