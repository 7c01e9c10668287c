import Foundation

/// Thread-safe log-gamma (`lgamma_r`: glibc's `lgamma` writes the global
/// `signgam`, a data race when likelihoods are summed in parallel).
@inlinable
func logGamma(_ x: Double) -> Double {
    var sign: Int32 = 0
    return lgamma_r(x, &sign)
}

/// log(eˣ + eʸ) without overflow; −∞ terms drop out.
@inlinable
func logAddExp(_ x: Double, _ y: Double) -> Double {
    if x == -.infinity { return y }
    if y == -.infinity { return x }
    let larger = max(x, y)
    return larger + log1p(exp(-abs(x - y)))
}

/// log(eˣ − eʸ) for y ≤ x (−∞ when they are equal).
@inlinable
func logSubtractExp(_ x: Double, _ y: Double) -> Double {
    if y == -.infinity { return x }
    let difference = y - x
    if difference >= 0 { return -.infinity }
    // log(1 − eᵈ): expm1 near 0, log1p far from it (Mächler 2012).
    return x + (difference > -0.693_147_180_559_945_3 ? log(-expm1(difference)) : log1p(-exp(difference)))
}
