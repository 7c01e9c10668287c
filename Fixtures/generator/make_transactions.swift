// Generates Fixtures/transactions.csv: a purchase log of the 200 mall
// customers drawn from the BG/NBD and Gamma-Gamma models with the
// parameters Fader, Hardie & Lee (2005) and Fader & Hardie (2013) report for
// the CDNOW sample, deterministically (seeded SplitMix64).
//
//     swift Fixtures/generator/make_transactions.swift   # run from the package root
//
// Each customer: a purchase rate λ ~ Gamma(r 0.243, rate α 4.414) per week,
// a drop-out probability p ~ Beta(a 0.793, b 2.426), a spend rate
// ν ~ Gamma(q 3.74, rate γ 15.44). The first purchase falls on a uniform day
// of the first 12 weeks of 2025 (a cohort, as in CDNOW); after each
// transaction the customer drops out with probability p, else buys again
// after an exponential wait of mean 1/λ weeks, until the window ends after
// 78 weeks (2026-06-30). Each transaction's value is Gamma(p 6.25, rate ν)
// dollars, rounded to cents; one in ten is written as two rows on the same
// day (its value split), which the models must count as one transaction.
import Foundation

/// Steele, Lea & Flood's SplitMix64, the same generator as SegmentBase's.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A uniform double in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }
    /// A standard normal (Box–Muller).
    mutating func normal() -> Double { (-2 * log(unit())).squareRoot() * cos(2 * Double.pi * unit()) }
    /// Gamma(shape, rate 1) by Marsaglia & Tsang (2000), with the shape < 1 boost.
    mutating func gamma(_ shape: Double) -> Double {
        if shape < 1 { return gamma(shape + 1) * pow(unit(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal(), v = pow(1 + c * x, 3)
            if v > 0 && log(unit()) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }
}

let (r, alpha, a, b) = (0.243, 4.414, 0.793, 2.426)
let (p, q, gammaScale) = (6.25, 3.74, 15.44)
let start = 20_089 // 2025-01-01 in days since 1970-01-01
let windowDays = 78 * 7

func date(_ day: Int) -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: Double(day) * 86_400))
}

var rng = SplitMix64(state: 20_250_101)
var rows: [(day: Int, customer: Int, cents: Int)] = []
for customer in 1...200 {
    let rate = rng.gamma(r) / alpha
    let x = rng.gamma(a), y = rng.gamma(b)
    let dropOut = x / (x + y)
    let spendRate = rng.gamma(q) / gammaScale
    var week = Double(Int(rng.unit() * 84)) / 7
    while Int(week * 7) < windowDays {
        let day = start + Int(week * 7)
        let cents = max(1, Int((rng.gamma(p) / spendRate * 100).rounded()))
        if rng.unit() < 0.1 && cents > 1 {
            let part = max(1, cents / 3)
            rows.append((day, customer, part))
            rows.append((day, customer, cents - part))
        } else {
            rows.append((day, customer, cents))
        }
        if rng.unit() < dropOut || rate <= 0 { break }
        // Stay on a later day: same-day purchases are one transaction.
        week += max(-log(rng.unit()) / rate, 1.0 / 7)
    }
}
rows.sort { ($0.day, $0.customer) < ($1.day, $1.customer) }
var text = "customer_id,date,amount\n"
for row in rows { text += "\(row.customer),\(date(row.day)),\(row.cents / 100).\(String(format: "%02d", row.cents % 100))\n" }
try! text.write(toFile: "Fixtures/transactions.csv", atomically: true, encoding: .utf8)
print("Fixtures/transactions.csv: \(rows.count) rows")
