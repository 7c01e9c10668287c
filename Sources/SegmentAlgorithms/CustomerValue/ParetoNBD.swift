import Foundation

/// The Pareto/NBD model (Schmittlein, Morrison & Colombo, "Counting your
/// customers: who are they and what will they do next?", Management Science
/// 33(1), 1987): while active a customer buys at a Poisson rate
/// λ ~ Gamma(r, α) and stays active for an exponential lifetime of rate
/// μ ~ Gamma(s, β). The likelihood follows Fader & Hardie, "A note on
/// deriving the Pareto/NBD model and related expressions" (2005), with the
/// Gaussian hypergeometric function written so that its argument stays in
/// [0, 1) and every product is a sum of logarithms, stable for any T.
public struct ParetoNBD: PurchaseCountModel, Equatable {
    /// Shape of the purchase-rate distribution.
    public var r: Double
    /// Scale (in periods) of the purchase-rate distribution.
    public var alpha: Double
    /// Shape of the drop-out-rate distribution.
    public var s: Double
    /// Scale (in periods) of the drop-out-rate distribution.
    public var beta: Double

    /// The model's name on the command line and in saved models.
    public static let name = "pareto-nbd"
    /// The parameters' names, as saved models write them.
    public static let parameterNames = ["r", "alpha", "s", "beta"]
    /// The parameters in the order of `parameterNames`.
    public var parameterValues: [Double] { [r, alpha, s, beta] }

    /// A model with the given parameters.
    public init(r: Double, alpha: Double, s: Double, beta: Double) {
        self.r = r
        self.alpha = alpha
        self.s = s
        self.beta = beta
    }

    /// A model with `values` in the order of `parameterNames`.
    public init(parameterValues values: [Double]) {
        self.init(r: values[0], alpha: values[1], s: values[2], beta: values[3])
    }

    /// log[Γ(r+x) αʳ βˢ / Γ(r)], and log[s / (r+s+x)] for the drop-out branch.
    public func frequencyTerms(_ x: Double) -> FrequencyTerms {
        FrequencyTerms(common: logGamma(r + x) - logGamma(r) + r * log(alpha) + s * log(beta),
                       dropOut: log(s) - log(r + s + x))
    }

    /// L = Γ(r+x) αʳ βˢ / Γ(r) · [1 / ((α+T)^(r+x) (β+T)ˢ) + s/(r+s+x) · A₀].
    public func logLikelihood(_ history: RepeatBuyerHistory, terms: FrequencyTerms) -> Double {
        let x = history.frequency
        let activeThroughout = -(r + x) * log(alpha + history.age) - s * log(beta + history.age)
        return terms.common + logAddExp(activeThroughout, terms.dropOut + logA0(history))
    }

    /// log A₀ where, with m = max(α, β), A₀ = F(tₓ) − F(T) and
    /// F(t) = ₂F₁(r+s+x, u; r+s+x+1; |α−β| / (m+t)) / (m+t)^(r+s+x),
    /// u = s+1 when α ≥ β and r+x otherwise. `nan` when the series fails.
    private func logA0(_ history: RepeatBuyerHistory) -> Double {
        let x = history.frequency
        let larger = max(alpha, beta)
        let u = alpha >= beta ? s + 1 : r + x
        let sum = r + s + x
        func logF(_ t: Double) -> Double {
            guard let series = GaussHypergeometric.logValue(a: sum, b: u, c: sum + 1, z: abs(alpha - beta) / (larger + t)) else { return .nan }
            return series.log - sum * log(larger + t)
        }
        return logSubtractExp(logF(history.recency), logF(history.age))
    }

    /// 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)ˢ A₀).
    public func probabilityAlive(_ history: RepeatBuyerHistory) -> Double {
        1 / (1 + exp(logDropOutOdds(history)))
    }

    private func logDropOutOdds(_ history: RepeatBuyerHistory) -> Double {
        let x = history.frequency
        return log(s) - log(r + s + x) + (r + x) * log(alpha + history.age) + s * log(beta + history.age) + logA0(history)
    }

    /// E[Y(t) | x, tₓ, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
    /// with its limit (r+x)(β+T)/(α+T) · log((β+T+t)/(β+T)) · P(alive) at s = 1.
    public func expectedPurchases(in periods: Double, given history: RepeatBuyerHistory) -> Double {
        guard periods > 0 else { return 0 }
        let x = history.frequency, age = history.age
        let logRatio = log(beta + age) - log(beta + age + periods)
        let integral = s == 1 ? -logRatio : -expm1((s - 1) * logRatio) / (s - 1)
        return (r + x) * (beta + age) / (alpha + age) * integral * probabilityAlive(history)
    }
}
