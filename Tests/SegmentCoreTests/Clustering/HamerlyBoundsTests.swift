import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The single-precision storage of Hamerly's bounds: an upper bound may only
/// round up and a lower bound only down, or a row could be skipped whose
/// nearest centre changed.
@Suite struct HamerlyBoundsTests {
    /// Values of every sign and size the bounds can take (in units of the
    /// coordinate scale they are a few units, plus drifts of at most 2 a
    /// pass), from `Float`'s subnormals up to 2¹⁰⁰, and the infinities.
    static func values() -> [Double] {
        var generator = SplitMix64(seed: 17)
        var values: [Double] = [0, 1, -1, .infinity, -.infinity, 0x1p-149, 0x1p-126, 0x1p100]
        for exponent in stride(from: -160, through: 99, by: 3) {
            for _ in 0..<40 {
                let magnitude = (1 + generator.nextUnitDouble()) * Double.pow2(exponent)
                values.append(generator.next() % 2 == 0 ? magnitude : -magnitude)
            }
        }
        return values
    }

    @Test func upperBoundsRoundUpAndLowerBoundsDown() {
        for value in Self.values() {
            let up = Double(HamerlyBounds.roundedUp(value)), down = Double(HamerlyBounds.roundedDown(value))
            // Below Float's normal range a value may round to the nearer
            // subnormal (half a subnormal step, 2⁻¹⁵⁰): the margin covers it.
            let slack = abs(value) < 0x1p-126 ? 0x1p-150 : 0
            #expect(up >= value - slack, "\(value)")
            #expect(down <= value + slack, "\(value)")
            if value.isFinite && abs(value) >= 0x1p-126 {
                // And they stay tight: within a few single-precision ulps.
                #expect(abs(up - value) <= abs(value) * 0x1p-21, "\(value)")
                #expect(abs(down - value) <= abs(value) * 0x1p-21, "\(value)")
            }
        }
    }
}

private extension Double {
    /// 2 to the power `exponent`.
    static func pow2(_ exponent: Int) -> Double { Double(sign: .plus, exponent: exponent, significand: 1) }
}
