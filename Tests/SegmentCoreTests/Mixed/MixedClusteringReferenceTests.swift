import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase

/// k-prototypes and k-medoids on the bundled mall data (Gender, Age, Annual
/// Income, Spending Score) against the Python references: `kmodes` 0.12.2
/// `KPrototypes`, `kmedoids` 0.5.5 `fasterpam` on the matrix of `gower` 0.1.2,
/// and R 4.2 `cluster::daisy`. The values come from
/// `bench/reference/make_mixed_reference.py` (output in
/// `bench/reference/mixed_reference.txt`).
@Suite struct MixedClusteringReferenceTests {
    /// The mall rows as `segment cluster` prepares them for these
    /// algorithms: Gender as a category (Female 0, Male 1, as kmodes
    /// encodes it), the numbers standard-scaled with the population deviation.
    static func mallRows() throws -> MixedRows {
        let table = try TestFiles.mall()
        let columns = ["Gender", "Age", "Annual Income (k$)", "Spending Score (1-100)"].map { table.columnIndex(named: $0)! }
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: columns, missing: .error, scale: .standard,
                                                           categories: .codes, threads: 2)
        return MixedRows(features.matrix, categorical: pipeline.categoricalFeatures, levels: pipeline.categoryLevels)
    }

    /// Relative closeness.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    @Test("FasterPAM from BUILD on Gower: kmedoids.fasterpam's medoids, loss, passes and swaps")
    func fasterPAMMatchesThePackage() throws {
        let rows = try Self.mallRows()
        // kmedoids.fasterpam(gower_matrix(df).astype(float64), k, init="build", n_cpu=1): medoids (0-based rows)
        // in the package's order, loss, n_iter, n_swap. The loss differs from ours by the float32 rounding of
        // gower's matrix only.
        let expected: [(k: Int, medoids: [Int], loss: Double, passes: Int, swaps: Int)] = [
            (4, [71, 81, 125, 150], 24.06827688962221, 2, 2),
            (5, [94, 81, 157, 150, 79], 22.24575772229582, 2, 5),
        ]
        for reference in expected {
            var configuration = KMedoids.Configuration(clusterCount: reference.k)
            configuration.threads = 2
            let result = try KMedoids.fit(rows, configuration: configuration)
            #expect(result.medoids == reference.medoids)
            #expect(Self.close(result.loss, reference.loss, 1e-6), "loss \(result.loss)")
            #expect(result.iterations == reference.passes)
            #expect(result.swaps == reference.swaps)
        }
    }

    @Test("k-prototypes with 10 Cao runs reaches kmodes' best cost (KPrototypes(init='Cao', n_init=10, random_state=0))")
    func kPrototypesReachesTheBestCost() throws {
        let rows = try Self.mallRows()
        // kmodes 0.12.2, gamma default (0.5 × mean std = 0.5): cost_ for k = 4 and 5; over random_state
        // 0..19 with n_init=1 the minimum is the same and the median 248.5323 / 214.5636.
        for (k, cost) in [(4, 248.45321715208365), (5, 209.74688644527922)] {
            var configuration = KPrototypes.Configuration(clusterCount: k)
            configuration.threads = 2
            let result = try KPrototypes.fit(rows, configuration: configuration)
            #expect(Self.close(result.gamma, 0.5, 1e-12))
            #expect(Self.close(result.cost, cost, 1e-9), "k=\(k) cost \(result.cost)")
        }
    }

    @Test("Cao's initial modes as kmodes.util.init_methods.init_cao on an 8 × 3 table")
    func caoModes() {
        let table: [[Int32]] = [[0, 0, 1], [0, 1, 1], [1, 1, 0], [0, 0, 1], [2, 1, 0], [1, 0, 0], [0, 0, 0], [2, 1, 1]]
        let rows = MixedRows(count: 8, numeric: [], numericWidth: 0, codes: table.flatMap { $0 }, categoricalWidth: 3,
                             levels: [3, 2, 2], categorical: [true, true, true])
        // init_cao(X, 3, matching_dissim) and init_cao(X, 4, matching_dissim).
        #expect(KPrototypes.caoModes(rows, k: 3) == [0, 0, 1, 1, 1, 0, 2, 1, 1])
        #expect(KPrototypes.caoModes(rows, k: 4) == [0, 0, 1, 1, 1, 0, 2, 1, 1, 0, 1, 1])
    }

    @Test("k-medoids results do not depend on the thread count")
    func threadCountIndependent() throws {
        let rows = try Self.mallRows()
        var one = KMedoids.Configuration(clusterCount: 6), two = one
        one.threads = 1
        two.threads = 2
        let a = try KMedoids.fit(rows, configuration: one), b = try KMedoids.fit(rows, configuration: two)
        #expect(a.medoids == b.medoids && a.rawLabels == b.rawLabels && a.loss == b.loss)
    }
}

/// One k-prototypes run from given prototypes against kmodes from the same
/// ones: `KPrototypes(n_clusters=k, init=[scaled rows i·200/k, init_cao modes],
/// n_init=1, gamma=0.5).fit(X, categorical=[Gender])`, kmodes 0.12.2.
@Suite struct KPrototypesSameStartTests {
    /// kmodes' labels (prototype indices) for k = 4 and 5, and its cost and iterations.
    static let expected: [(k: Int, cost: Double, iterations: Int, labels: String)] = [
        (4, 248.51942291448168, 4, "0,0,0,0,0,0,1,0,1,0,1,0,1,0,1,0,0,0,1,0,0,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,0,0,1,0,0,1,1,1,1,1,0,1,1,0,1,1,1,0,1,1,0,0,1,1,1,1,1,0,1,1,0,1,1,0,1,1,0,1,1,0,0,1,1,0,1,1,0,0,1,0,1,0,0,1,1,0,1,0,1,1,1,1,1,0,1,0,0,0,1,1,1,1,0,1,2,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,1,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2,3,2"),
        (5, 211.51543410804376, 4, "0,0,1,0,0,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,1,0,2,0,1,0,1,0,2,0,0,0,2,0,0,2,2,2,2,2,0,2,2,0,2,2,2,0,2,2,0,0,2,2,2,2,2,0,2,2,0,2,2,0,2,2,0,2,2,0,0,2,2,0,2,2,0,0,2,0,2,0,0,2,2,0,2,0,2,2,2,2,2,0,2,0,0,0,2,2,2,2,0,2,3,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,2,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3,4,3"),
    ]

    @Test("the same labels, cost and iterations as kmodes from the same start")
    func sameStart() throws {
        let rows = try MixedClusteringReferenceTests.mallRows()
        for reference in Self.expected {
            let k = reference.k
            let starts = (0..<k).map { $0 * 200 / k }
            let numeric = starts.flatMap { rows.numeric[($0 * rows.numericWidth)..<(($0 + 1) * rows.numericWidth)] }
            var configuration = KPrototypes.Configuration(clusterCount: k)
            configuration.gamma = 0.5
            configuration.initialization = .prototypes(numeric: numeric, modes: KPrototypes.caoModes(rows, k: k))
            let result = try KPrototypes.fit(rows, configuration: configuration)
            #expect(result.rawLabels.map(String.init).joined(separator: ",") == reference.labels, "k=\(k)")
            #expect(MixedClusteringReferenceTests.close(result.cost, reference.cost, 1e-12), "k=\(k) cost \(result.cost)")
            #expect(result.iterations == reference.iterations)
        }
    }
}

/// Gower distances with missing values against R 4.2.2 `cluster` 2.1.4:
/// `daisy(data.frame(x = c(1, 2, NA, 4, 10, 6), y = c(5, NA, 3, 1, 2, 2),
/// g = factor(c("a", "b", "a", NA, "b", "a"))), metric = "gower")`, lower
/// triangle column by column (%.17g).
@Suite struct GowerDaisyTests {
    static let daisy = [0.55555555555555558, 0.25, 0.66666666666666663, 0.91666666666666663, 0.43518518518518517,
                        1, 0.22222222222222221, 0.44444444444444442, 0.72222222222222221, 0.5, 0.625, 0.125,
                        0.45833333333333337, 0.23611111111111113, 0.48148148148148145]

    @Test("each pair is compared on the features both rows have, numeric differences over the column range")
    func missingValuesSkippedPerPair() {
        let x = [1.0, 2, .nan, 4, 10, 6], y = [5.0, .nan, 3, 1, 2, 2]
        let g: [Int32] = [0, 1, 0, -1, 1, 0]
        let rows = MixedRows(count: 6, numeric: (0..<6).flatMap { [x[$0], y[$0]] }, numericWidth: 2, codes: g, categoricalWidth: 1,
                             levels: [2], categorical: [false, false, true])
        let distance = MixedDistance(metric: .gower, fittedTo: rows)
        var computed: [Double] = [], pairwise: [Double] = []
        distance.withKernel(rows) { kernel in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 6)
            defer { scratch.deallocate() }
            for column in 0..<6 {
                kernel.distances(to: column, rows: 0..<6, into: scratch)
                for row in (column + 1)..<6 {
                    computed.append(scratch[row])
                    pairwise.append(kernel.distance(row, column))
                }
            }
        }
        #expect(zip(computed, Self.daisy).allSatisfy { abs($0 - $1) <= 1e-15 }, "\(computed)")
        #expect(computed == pairwise)
    }
}

/// The `mostly …` term of personas, worked by hand.
@Suite struct CategoryPersonaTests {
    static func profile(_ shares: [(String, Double)]) -> CategoryProfile {
        CategoryProfile(column: "Gender", shares: shares.map { (value: $0.0, share: $0.1) })
    }

    @Test("a category leads the persona at two thirds of the segment and 15 points above everyone")
    func dominantCategory() {
        let everyone = [Self.profile([("Female", 0.56), ("Male", 0.44)])]
        // 0.75 ≥ 2/3 and 0.75 − 0.56 = 0.19 ≥ 0.15.
        #expect(Persona.categoryTerm([Self.profile([("Female", 0.75), ("Male", 0.25)])], overall: everyone) == "mostly women")
        // 0.70 − 0.56 = 0.14 < 0.15: not enough above everyone.
        #expect(Persona.categoryTerm([Self.profile([("Female", 0.70), ("Male", 0.30)])], overall: everyone) == nil)
        // 0.60 < 2/3 although 0.60 − 0.44 = 0.16.
        #expect(Persona.categoryTerm([Self.profile([("Female", 0.40), ("Male", 0.60)])], overall: everyone) == nil)
        #expect(Persona.categoryTerm([Self.profile([("Female", 0.10), ("Male", 0.90)])], overall: everyone) == "mostly men")
    }
}
