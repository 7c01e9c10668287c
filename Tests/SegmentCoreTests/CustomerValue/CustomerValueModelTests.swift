import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase

/// The customer-value formulas at fixed parameters, against lifetimes 0.11.3.
///
/// Expected values: `bench/ref_clv.py` (lifetimes' `BetaGeoFitter`,
/// `ParetoNBDFitter` and `GammaGammaFitter` with `params_` set to the papers'
/// CDNOW parameters, not refitted) on the CDNOW sample's calibration summary
/// (to 1997-09-30, recency and T in days / 7). Values printed to 10
/// significant digits; we ask for agreement to 1e-6 relative or 1e-9 absolute.
@Suite("Customer value models")
struct CustomerValueModelTests {
    /// BG/NBD, Fader, Hardie & Lee (2005), table 1.
    static let paperBG = BetaGeometricNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
    /// Pareto/NBD on the same data, as reported in Fader, Hardie & Lee (2005).
    static let paperPareto = ParetoNBD(r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669)
    /// Gamma-Gamma, Fader & Hardie (2013).
    static let paperSpend = GammaGamma(p: 6.25, q: 3.74, v: 15.44)

    /// One CDNOW sample customer: (x, tₓ, T) in weeks, the mean repeat spend,
    /// and lifetimes' BG/NBD p_alive and E[Y(39)], Pareto/NBD p_alive and
    /// E[Y(39)], and Gamma-Gamma expected value.
    struct Customer: Sendable, CustomTestStringConvertible {
        var id: String
        var x: Double, recency: Double, age: Double, monetary: Double
        var bgAlive: Double, bgExpected: Double, paretoAlive: Double, paretoExpected: Double, value: Double
        var testDescription: String { "customer \(id)" }
        var history: RepeatBuyerHistory { RepeatBuyerHistory(frequency: x, recency: recency, age: age) }
    }

    static let customers: [Customer] = [
        Customer(id: "1", x: 2, recency: 213.0 / 7, age: 272.0 / 7, monetary: 22.345,
                 bgAlive: 0.7265897218, bgExpected: 1.226115806, paretoAlive: 0.8691861547, paretoExpected: 1.455226131, value: 24.65961286),
        Customer(id: "3", x: 0, recency: 0, age: 272.0 / 7, monetary: 0,
                 bgAlive: 1, bgExpected: 0.195109665, paretoAlive: 0.2953033743, paretoExpected: 0.1070928338, value: 35.2189781),
        Customer(id: "129", x: 4, recency: 53.0 / 7, age: 38, monetary: 13.62,
                 bgAlive: 0.03109518422, bgExpected: 0.09822922806, paretoAlive: 0.05387446546, paretoExpected: 0.1632777821, value: 15.75342466),
        Customer(id: "157", x: 29, recency: 264.0 / 7, age: 38, monetary: 26.26137931,
                 bgAlive: 0.9692183999, bgExpected: 20.0547881, paretoAlive: 0.996188476, paretoExpected: 19.59699832, value: 26.39477689),
        Customer(id: "1516", x: 26, recency: 216.0 / 7, age: 31, monetary: 39.97,
                 bgAlive: 0.9688515629, bgExpected: 20.74835369, paretoAlive: 0.9978742606, paretoExpected: 20.1161296, value: 39.89121883),
        Customer(id: "1901", x: 21, recency: 33.0 / 7, age: 205.0 / 7, monetary: 299.6338095,
                 bgAlive: 2.521524372e-11, bgExpected: 4.557342804e-10, paretoAlive: 2.407369637e-08, paretoExpected: 4.080293758e-07, value: 294.2267147),
    ]

    static func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) <= 1e-6 * abs(expected) + 1e-9
    }

    @Test("BG/NBD p_alive and expected purchases match lifetimes", arguments: customers)
    func betaGeometric(customer: Customer) {
        let model = Self.paperBG
        let alive = model.probabilityAlive(customer.history)
        let expected = model.expectedPurchases(in: 39, given: customer.history)
        #expect(Self.close(alive, customer.bgAlive), "p_alive \(alive)")
        #expect(Self.close(expected, customer.bgExpected), "E[Y(39)] \(expected)")
    }

    @Test("Pareto/NBD p_alive and expected purchases match lifetimes", arguments: customers)
    func pareto(customer: Customer) {
        let model = Self.paperPareto
        let alive = model.probabilityAlive(customer.history)
        let expected = model.expectedPurchases(in: 39, given: customer.history)
        #expect(Self.close(alive, customer.paretoAlive), "p_alive \(alive)")
        #expect(Self.close(expected, customer.paretoExpected), "E[Y(39)] \(expected)")
    }

    @Test("Gamma-Gamma expected value matches lifetimes (population mean without repeats)", arguments: customers)
    func spend(customer: Customer) {
        let value = Self.paperSpend.expectedValue(transactions: customer.x, meanValue: customer.monetary)
        #expect(Self.close(value, customer.value), "value \(value)")
    }

    @Test("BG/NBD log-likelihood of one customer matches equation (6) written out directly")
    func bgLikelihood() {
        let m = Self.paperBG
        let (x, tx, t) = (2.0, 30.0, 39.0)
        func beta(_ p: Double, _ q: Double) -> Double { tgamma(p) * tgamma(q) / tgamma(p + q) }
        let gammaPart = tgamma(m.r + x) * pow(m.alpha, m.r) / tgamma(m.r)
        let direct = beta(m.a, m.b + x) / beta(m.a, m.b) * gammaPart / pow(m.alpha + t, m.r + x)
            + beta(m.a + 1, m.b + x - 1) / beta(m.a, m.b) * gammaPart / pow(m.alpha + tx, m.r + x)
        let computed = m.logLikelihood(RepeatBuyerHistory(frequency: x, recency: tx, age: t))
        #expect(abs(computed - log(direct)) < 1e-12)
    }

    @Test("Pareto/NBD stays finite for a long history with many purchases (large T)")
    func paretoLargeT() {
        let history = RepeatBuyerHistory(frequency: 400, recency: 5_000, age: 5_200)
        let model = Self.paperPareto
        #expect(model.logLikelihood(history).isFinite)
        let alive = model.probabilityAlive(history)
        #expect(alive > 0 && alive <= 1)
        #expect(model.expectedPurchases(in: 52, given: history).isFinite)
    }

    @Test("discounting: with rate 0 the clv is value × E[N(H)]; a positive rate gives less")
    func discounting() throws {
        let history = Self.customers[0].history
        let model = Self.paperBG
        let undiscounted = model.expectedPurchases(in: 52, given: history)
        let plain = CustomerValueForecast.discountedPurchases(model: model, history: history, settings: .init(horizon: 52), undiscounted: undiscounted)
        #expect(plain == undiscounted)
        let discounted = CustomerValueForecast.discountedPurchases(model: model, history: history, settings: .init(horizon: 52, discountRate: 0.01), undiscounted: undiscounted)
        // Σ (E[N(i)] − E[N(i−1)]) / 1.01^i lies between E[N(52)] / 1.01^52 and E[N(52)].
        #expect(discounted < undiscounted && discounted > undiscounted / pow(1.01, 52))
    }
}

@Suite("Gaussian hypergeometric function and Nelder-Mead")
struct CustomerValueNumericsTests {
    @Test("2F1(1, 1; 2; z) = −log(1 − z) / z and 2F1(a, b; b; z) = (1 − z)^−a, even for a in the hundreds")
    func closedForms() throws {
        for z in [0.0001, 0.3, 0.9, 0.995] {
            let value = try #require(GaussHypergeometric.value(a: 1, b: 1, c: 2, z: z))
            #expect(abs(value - (-log1p(-z) / z)) < 1e-12 * value)
        }
        let big = try #require(GaussHypergeometric.logValue(a: 350, b: 2.5, c: 2.5, z: 0.6))
        #expect(abs(big.log - (-350 * log(0.4))) < 1e-9 * abs(big.log))
        #expect(GaussHypergeometric.logValue(a: 1, b: 1, c: 2, z: 1) == nil)
        #expect(GaussHypergeometric.logValue(a: 1, b: 1, c: -2, z: 0.5) == nil)
    }

    @Test("Nelder-Mead finds the Rosenbrock minimum (1, 1)")
    func rosenbrock() {
        let result = NelderMead().minimize(from: [-1.2, 1]) { p in
            100 * pow(p[1] - p[0] * p[0], 2) + pow(1 - p[0], 2)
        }
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6)
    }

    @Test("log-space helpers: log(e^x ± e^y) without overflow")
    func logHelpers() {
        #expect(abs(logAddExp(1000, 1000) - (1000 + log(2))) < 1e-12)
        #expect(logAddExp(-.infinity, 3) == 3)
        #expect(abs(logSubtractExp(1000, 999) - (1000 + log1p(-exp(-1)))) < 1e-12)
        #expect(logSubtractExp(5, 5) == -.infinity)
    }
}
