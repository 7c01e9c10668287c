import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase

/// The gap statistic (Tibshirani, Walther & Hastie 2001) with R
/// `cluster::clusGap(d.power = 2, spaceH0 = "scaledPCA")` conventions.
@Suite struct GapStatisticTests {
    /// A gap curve with given gaps and standard errors.
    static func curve(_ gaps: [Double], _ errors: [Double]) -> GapStatistic {
        var statistic = try! GapStatistic(Matrix([[0, 0], [1, 1], [2, 0], [0, 2]]), logW: [(1, 0)], referenceSets: 1,
                                          configuration: KMeans.Configuration(clusterCount: 1))
        statistic.values = zip(gaps, errors).enumerated().map { index, pair in
            GapStatistic.Value(k: index + 1, logW: 0, expectedLogW: pair.0, gap: pair.0, standardError: pair.1)
        }
        return statistic
    }

    /// Each rule picks the k that R's `cluster::maxSE(f, SE.f, method)`
    /// picks (R 4.2.2, cluster 2.1.4: `sapply(methods, function(m) maxSE(f, se, method = m))`
    /// gave 3 3 5 3 5, 1 1 5 1 8 and 4 4 4 4 4 for the three curves).
    @Test(arguments: [
        ([0.5, 0.7, 0.9, 0.85, 1.0, 0.95], [0.05, 0.05, 0.05, 0.05, 0.05, 0.2], [3, 3, 5, 3, 5]),
        ([0.88, 0.77, 0.82, 0.76, 1.07, 1.05, 1.07, 1.10, 1.10, 1.09],
         [0.044, 0.045, 0.044, 0.047, 0.046, 0.047, 0.043, 0.042, 0.046, 0.043], [1, 1, 5, 1, 8]),
        ([0.1, 0.2, 0.3, 0.4], [0.01, 0.01, 0.01, 0.01], [4, 4, 4, 4, 4]),
    ])
    func rulesChooseAsRsMaxSE(gaps: [Double], errors: [Double], expected: [Int]) {
        let statistic = Self.curve(gaps, errors)
        let rules: [GapStatistic.Rule] = [.firstSEmax, .tibs2001SEmax, .globalSEmax, .firstmax, .globalmax]
        #expect(rules.map { statistic.choice(by: $0) } == expected)
    }

    /// Three tight blobs: log W is the log of the k-means inertia, the
    /// default rule finds k = 3, the standard errors carry the sqrt(1 + 1/B)
    /// factor, and the values do not depend on the thread count.
    @Test func threeBlobsGiveKThreeForAnyThreadCount() throws {
        var random = SplitMix64(seed: 5)
        var rows: [[Double]] = []
        for center in [(0.0, 0.0), (3.0, 0.0), (0.0, 3.0)] {
            for _ in 0..<50 { rows.append([center.0 + 0.3 * (random.nextUnitDouble() - 0.5), center.1 + 0.3 * (random.nextUnitDouble() - 0.5)]) }
        }
        let data = Matrix(rows)
        var results: [KSelection] = []
        for threads in [1, 3] {
            var configuration = KMeans.Configuration(clusterCount: 1)
            configuration.threads = threads
            configuration.seed = 11
            results.append(try KSelection.evaluate(data, range: 1...6, configuration: configuration, gap: (20, .firstSEmax)))
        }
        let gap = try #require(results[0].gap)
        #expect(results[1].gap?.values == gap.values)
        #expect(results[0].best(by: .gap) == 3)
        for (candidate, value) in zip(results[0].candidates, gap.values) {
            #expect(value.logW == Foundation.log(candidate.fit.inertia))
        }
        #expect(gap.values.allSatisfy { $0.standardError > 0 && $0.gap.isFinite })
    }

    /// Against R: `Fixtures/reference/gap.json`, made by
    /// `bench/reference/gap_reference.R` (R 4.2.2, cluster 2.1.4):
    /// `set.seed(1); clusGap(x, FUNcluster = kmeans, K.max = 10, B = 100,
    /// d.power = 2, spaceH0 = "scaledPCA", nstart = 25, iter.max = 100)` on
    /// the standard-scaled mall income and spending and on two blob sets of
    /// known k (3, and 4 with unequal spreads). log W is the log of the
    /// inertia (R's W is half of it, which cancels in the gap), never below
    /// R's best-known k-means optimum. For each k where both fits are that
    /// optimum (1e-6; at least 3 of the 10 k: 10 k-means++ restarts, like
    /// R's own nstart = 25 fits, may end in a local optimum), the gap, a
    /// Monte-Carlo estimate from another random stream (here with B = 50),
    /// matches R's within four standard errors of the difference of the two
    /// estimates (se · sqrt(1/100 + 1/50)) and the standard error within
    /// 35 %. The rules
    /// that allow for the standard error choose R's k (`firstmax` and
    /// `globalmax` compare gaps that differ by less than their noise).
    @Test(arguments: ["mall", "blobs3", "unequal4"])
    func matchesRsClusGap(name: String) throws {
        let reference = try TestFiles.reference("gap.json")
        let dataset = try #require((reference["datasets"] as! [[String: Any]]).first { $0["name"] as? String == name })
        let text = try String(contentsOfFile: TestFiles.fixture("reference/gap_\(name == "mall" ? "mall_scaled" : name).csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        var configuration = KMeans.Configuration(clusterCount: 1)
        configuration.restarts = 10
        configuration.seed = 1
        let selection = try KSelection.evaluate(Matrix(rows), range: 1...10, configuration: configuration, gap: (50, .firstSEmax))
        let gap = try #require(selection.gap)
        let perK = dataset["per_k"] as! [[String: Any]]
        let checks = (dataset["logW_check"] as! [String: Any])["per_k"] as! [[String: Any]]
        var optimal = 0
        for (value, (r, check)) in zip(gap.values, zip(perK, checks)) {
            let best = Foundation.log(check["best_known_inertia"] as! Double)
            let atOptimum = abs(value.logW - best) <= 1e-6
            #expect(value.logW >= best - 1e-9 * abs(best) - 1e-12, "\(name) k=\(value.k) logW below the optimum")
            guard atOptimum, check["clusGap_is_best_known"] as! Bool else { continue }
            optimal += 1
            let rGap = r["gap"] as! Double, rError = r["SE.sim"] as! Double
            #expect(abs(value.gap - rGap) <= 4 * rError * (1.0 / 100 + 1.0 / 50).squareRoot(), "\(name) k=\(value.k): gap \(value.gap) vs R \(rGap)")
            #expect((0.65...1.5).contains(value.standardError / rError), "\(name) k=\(value.k): se \(value.standardError) vs R \(rError)")
        }
        #expect(optimal >= 3, "\(name): both fits at the optimum for only \(optimal) of 10 k")
        let chosen = dataset["chosen_k"] as! [String: Int]
        for rule in [GapStatistic.Rule.firstSEmax, .tibs2001SEmax, .globalSEmax] {
            #expect(gap.choice(by: rule) == chosen[rule.rawValue], "\(name) \(rule.rawValue)")
        }
    }

    @Test func noReferenceSetIsAnError() {
        #expect(throws: ParameterError("gap-b", "\(parameter: "gap-b") must be at least 1, got 0")) {
            try GapStatistic(Matrix([[0, 0], [1, 1]]), logW: [(1, 0)], referenceSets: 0, configuration: KMeans.Configuration(clusterCount: 1))
        }
    }
}
