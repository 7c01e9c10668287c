import Foundation

/// The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, as the
/// customer-value models need it: summed as its power series
/// Σₙ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ with each term kept as a logarithm and a sign,
/// so that a series whose terms first grow to 10³⁰⁰ and more (a heavy buyer's
/// a and b in the hundreds) neither overflows nor loses precision.
public enum GaussHypergeometric {
    /// The most terms summed before giving up (the series converges like zⁿ).
    public static let maximumTerms = 2_000_000

    /// The logarithm of |₂F₁(a, b; c; z)| and its sign, or `nil` when the
    /// arguments are outside the domain (z outside [0, 1), c a non-positive
    /// integer) or the series does not converge within `maximumTerms`.
    public static func logValue(a: Double, b: Double, c: Double, z: Double) -> (log: Double, sign: Double)? {
        guard z >= 0, z < 1, a.isFinite, b.isFinite, c.isFinite else { return nil }
        if c <= 0, c == c.rounded() { return nil }
        if z == 0 { return (0, 1) }
        let logZ = log(z)
        // The running sum is scale · e^logScale; terms are sign · e^logTerm.
        var logScale = 0.0, scale = 1.0
        var logTerm = 0.0, sign = 1.0
        for n in 0..<maximumTerms {
            let index = Double(n)
            let factor = (a + index) * (b + index) / ((c + index) * (index + 1))
            if factor == 0 { return finish(logScale, scale) }
            if factor < 0 { sign = -sign }
            logTerm += log(abs(factor)) + logZ
            if logTerm > logScale {
                scale = scale * exp(logScale - logTerm) + sign
                logScale = logTerm
            } else {
                scale += sign * exp(logTerm - logScale)
            }
            // Past the largest term (factor below 1 from here on, as every
            // later factor is smaller when a, b, c > 0) and negligible.
            if abs(factor) * z < 1 && logTerm - logScale < -40 && index > -c { return finish(logScale, scale) }
        }
        return nil
    }

    /// ₂F₁(a, b; c; z) itself, `nil` as for `logValue`; it may be ±∞ when the
    /// value is beyond the largest double.
    public static func value(a: Double, b: Double, c: Double, z: Double) -> Double? {
        logValue(a: a, b: b, c: c, z: z).map { $0.sign * exp($0.log) }
    }

    private static func finish(_ logScale: Double, _ scale: Double) -> (log: Double, sign: Double)? {
        guard scale != 0, scale.isFinite else { return nil }
        return (logScale + log(abs(scale)), scale < 0 ? -1 : 1)
    }
}
