/// The time unit of recency, T and the horizon of the customer-value models.
public enum ValuePeriod: String, Sendable, CaseIterable {
    /// One day.
    case day
    /// Seven days.
    case week
    /// An average Gregorian month, 365.25 / 12 = 30.4375 days.
    case month

    /// The period's length in days.
    public var days: Double {
        switch self {
        case .day: return 1
        case .week: return 7
        case .month: return 30.4375
        }
    }

    /// The default forecast horizon: 52 weeks, or the same year in days (364) or months (12).
    public var defaultHorizon: Int {
        switch self {
        case .day: return 364
        case .week: return 52
        case .month: return 12
        }
    }
}
