import Foundation
import SegmentBase
import SegmentIO
import SegmentAlgorithms

/// Axis ticks at "nice" numbers (1, 2 or 5 × a power of ten) covering a data
/// range (P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems,
/// 1990), with the step chosen as d3-array's `tickIncrement`: the raw step
/// `range / targetTicks` is rounded to 1, 2, 5 or 10 at the geometric
/// midpoints √2, √10, √50.
public struct NiceScale: Sendable, Equatable {
    /// Lower end of the axis (a multiple of `step`, at or below the data minimum).
    public let lower: Double
    /// Upper end of the axis (a multiple of `step`, at or above the data maximum).
    public let upper: Double
    /// Distance between ticks.
    public let step: Double

    /// Covers `minimum...maximum` with about `targetTicks` ticks. A degenerate
    /// range is widened by one unit (or 10 % of the value) on each side.
    public init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if high < low { swap(&low, &high) }
        if high - low < 1e-12 * max(1, abs(high)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(max(1, targetTicks)))
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper` inclusive (computed by index,
    /// so they carry no accumulated rounding error).
    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { index in
            let value = lower + Double(index) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// Decimals needed to tell the ticks apart (0 for whole steps).
    public var decimals: Int {
        guard step < 1 else { return 0 }
        return min(6, Int((-log10(step)).rounded(.up)))
    }

    /// A tick label: fixed decimals, thousands written as `12k` when the step is a multiple of 1000.
    public func label(_ value: Double) -> String {
        if step >= 1000, (value / 1000).rounded() == value / 1000, abs(value) >= 1000 {
            return DecimalText.format(value / 1000, decimals: 0) + "k"
        }
        return DecimalText.format(value, decimals: decimals)
    }

    /// `raw` rounded to 1, 2, 5 or 10 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, log10(raw).rounded(.down))
        let fraction = raw / power
        let factor: Double = fraction >= 50.0.squareRoot() ? 10 : fraction >= 10.0.squareRoot() ? 5 : fraction >= 2.0.squareRoot() ? 2 : 1
        return factor * power
    }
}

/// A linear map from a data interval to a pixel interval.
public struct LinearScale: Sendable {
    /// Data interval start.
    public let domainStart: Double
    /// Data interval end.
    public let domainEnd: Double
    /// Pixel position of `domainStart`.
    public let rangeStart: Double
    /// Pixel position of `domainEnd`.
    public let rangeEnd: Double

    /// Creates the map `domainStart → rangeStart`, `domainEnd → rangeEnd`.
    public init(domain: (Double, Double), range: (Double, Double)) {
        domainStart = domain.0
        domainEnd = domain.1
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domainEnd - domainStart
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainStart) / span * (rangeEnd - rangeStart)
    }
}
