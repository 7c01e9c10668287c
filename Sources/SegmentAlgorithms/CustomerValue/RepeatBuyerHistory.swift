/// What the purchase-count models know of one customer in the calibration
/// window: the repeat transactions `frequency` (x), the time from the first
/// to the last transaction `recency` (tₓ) and from the first transaction to
/// the window's end `age` (T), all in periods.
public struct RepeatBuyerHistory: Sendable, Hashable {
    /// Repeat transactions (x).
    public var frequency: Double
    /// Periods from the first to the last transaction (tₓ).
    public var recency: Double
    /// Periods from the first transaction to the end of the calibration window (T).
    public var age: Double

    /// A history of `frequency` repeat transactions, the last at `recency`, observed for `age` periods.
    public init(frequency: Double, recency: Double, age: Double) {
        self.frequency = frequency
        self.recency = recency
        self.age = age
    }
}
