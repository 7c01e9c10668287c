import Foundation

/// The BG/NBD model (Fader, Hardie & Lee, "Counting your customers the easy
/// way", Marketing Science 24(2), 2005): while active a customer buys at a
/// Poisson rate λ ~ Gamma(r, α); after each transaction they drop out with
/// probability p ~ Beta(a, b).
public struct BetaGeometricNBD: PurchaseCountModel, Equatable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Scale (in periods) of the purchase-rate distribution.
    public var alpha: Double
    /// First shape of the drop-out probability distribution.
    public var a: Double
    /// Second shape of the drop-out probability distribution.
    public var b: Double

    /// The model's name on the command line and in saved models.
    public static let name = "bg-nbd"
    /// The parameters' names, as saved models write them.
    public static let parameterNames = ["r", "alpha", "a", "b"]
    /// The parameters in the order of `parameterNames`.
    public var parameterValues: [Double] { [r, alpha, a, b] }

    /// A model with the given parameters.
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// A model with `values` in the order of `parameterNames`.
    public init(parameterValues values: [Double]) {
        self.init(r: values[0], alpha: values[1], a: values[2], b: values[3])
    }

    /// log[Γ(r+x) αʳ / Γ(r) · B(a, b+x) / B(a, b)], and log[a / (b+x−1)] for the drop-out branch.
    public func frequencyTerms(_ x: Double) -> FrequencyTerms {
        FrequencyTerms(common: logGamma(r + x) - logGamma(r) + r * log(alpha)
                           + logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x),
                       dropOut: x > 0 ? log(a) - log(b + x - 1) : -.infinity)
    }

    /// Equation (6) of the paper:
    /// L = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x))
    ///   + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+tₓ)^(r+x)),
    /// summed in log space.
    public func logLikelihood(_ history: RepeatBuyerHistory, terms: FrequencyTerms) -> Double {
        let x = history.frequency
        let stillActive = -(r + x) * log(alpha + history.age)
        guard x > 0 else { return terms.common + stillActive }
        let droppedOut = terms.dropOut - (r + x) * log(alpha + history.recency)
        return terms.common + logAddExp(stillActive, droppedOut)
    }

    /// Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model" (2008):
    /// 1 / (1 + [x > 0] a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)).
    public func probabilityAlive(_ history: RepeatBuyerHistory) -> Double {
        let x = history.frequency
        guard x > 0 else { return 1 }
        return 1 / (1 + exp(logDropOutOdds(history)))
    }

    /// log(a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)), the log odds of having dropped out.
    private func logDropOutOdds(_ history: RepeatBuyerHistory) -> Double {
        let x = history.frequency
        return log(a) - log(b + x - 1) + (r + x) * (log(alpha + history.age) - log(alpha + history.recency))
    }

    /// Equation (10) of the paper:
    /// E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    ///                      / (1 + [x > 0] a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)).
    public func expectedPurchases(in periods: Double, given history: RepeatBuyerHistory) -> Double {
        guard periods > 0 else { return 0 }
        let x = history.frequency, age = history.age
        let z = periods / (alpha + age + periods)
        guard let series = GaussHypergeometric.logValue(a: r + x, b: b + x, c: a + b + x - 1, z: z) else { return .nan }
        let logRest = series.log + (r + x) * (log(alpha + age) - log(alpha + age + periods))
        // 1 − sign·e^logRest, kept accurate when the product is close to 1.
        let bracket = series.sign > 0 ? -expm1(logRest) : 1 + exp(logRest)
        let alive = x > 0 ? 1 / (1 + exp(logDropOutOdds(history))) : 1
        return (a + b + x - 1) / (a - 1) * bracket * alive
    }
}
