import Foundation

/// The Gamma-Gamma model of the spend per transaction (Fader & Hardie, "The
/// Gamma-Gamma model of monetary value", 2013, after Colombo & Jiang 1999):
/// a customer's transactions are Gamma(p, ν) with ν ~ Gamma(q, γ) across
/// customers, independent of how often they buy.
public struct GammaGamma: Sendable, Equatable {
    /// Shape of each transaction's value.
    public var p: Double
    /// Shape of the distribution of the customers' rates ν.
    public var q: Double
    /// Scale (γ) of the distribution of the customers' rates ν.
    public var v: Double

    /// The parameters' names, in the order of `parameterValues`.
    public static let parameterNames = ["p", "q", "v"]
    /// The parameters in the order of `parameterNames`.
    public var parameterValues: [Double] { [p, q, v] }

    /// A model with the given parameters.
    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// A model with `values` in the order of `parameterNames`.
    public init(parameterValues values: [Double]) {
        self.init(p: values[0], q: values[1], v: values[2])
    }

    /// The log density of a mean spend `meanValue` over `transactions` (> 0)
    /// repeat transactions (equation 3 of the note):
    /// Γ(px+q) / (Γ(px) Γ(q)) · γ^q m^(px−1) x^(px) / (γ + m x)^(px+q).
    public func logLikelihood(transactions x: Double, meanValue m: Double) -> Double {
        logLikelihood(transactions: x, meanValue: m, transactionsTerm: transactionsTerm(x))
    }

    /// The part of `logLikelihood` that depends on x alone:
    /// log[Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^(px)].
    public func transactionsTerm(_ x: Double) -> Double {
        let px = p * x
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * log(v) + px * log(x)
    }

    /// `logLikelihood` given `transactionsTerm(x)`.
    public func logLikelihood(transactions x: Double, meanValue m: Double, transactionsTerm: Double) -> Double {
        let px = p * x
        return transactionsTerm + (px - 1) * log(m) - (px + q) * log(x * m + v)
    }

    /// The expected spend per transaction of a customer whose `transactions`
    /// repeat transactions averaged `meanValue` (equation 5):
    /// p (γ + x m) / (p x + q − 1); with no transaction it is the population
    /// mean p γ / (q − 1).
    public func expectedValue(transactions x: Double, meanValue m: Double) -> Double {
        p * (v + x * m) / (p * x + q - 1)
    }

    /// The population's mean spend per transaction, p γ / (q − 1); infinite
    /// when q ≤ 1.
    public var populationMean: Double {
        q > 1 ? p * v / (q - 1) : .infinity
    }
}
