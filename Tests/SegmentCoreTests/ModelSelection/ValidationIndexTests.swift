import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct ValidationIndexTests {
    /// scikit-learn 1.9.1 values on mall income/spending with its k = 5
    /// k-means labels (kmeans_mall.json, provenance there).
    @Test func mallIndicesEqualScikitLearn() throws {
        let data = try ReferenceData.mallIncomeSpending()
        let k5 = try ReferenceData.json("kmeans_mall.json")["k5"] as! [String: Any]
        let labels = k5["labels"] as! [Int]
        let silhouette = try #require(Silhouette.score(data, labels: labels, threads: 2))
        #expect(abs(silhouette - (k5["silhouette"] as! Double)) <= 1e-12)
        let samples = try #require(Silhouette.samples(data, labels: labels, threads: 2))
        for (ours, theirs) in zip(samples, k5["silhouette_samples"] as! [Double]) { #expect(abs(ours - theirs) <= 1e-12) }
        #expect(abs(try #require(CalinskiHarabasz.score(data, labels: labels)) - (k5["calinski_harabasz"] as! Double)) <= 1e-9)
        #expect(abs(try #require(DaviesBouldin.score(data, labels: labels)) - (k5["davies_bouldin"] as! Double)) <= 1e-12)
    }

    @Test func silhouetteByHand() throws {
        // 1-D: {0, 1} and {10, 11}. For 0: a = 1, b = (10 + 11) / 2 = 10.5.
        let data = Matrix([[0], [1], [10], [11]])
        let samples = try #require(Silhouette.samples(data, labels: [0, 0, 1, 1]))
        #expect(abs(samples[0] - 9.5 / 10.5) <= 1e-15)
        #expect(abs(samples[1] - 8.5 / 9.5) <= 1e-15)
    }

    @Test func silhouetteKernelEqualsPlainDefinition() throws {
        // Uneven clusters (sizes not multiples of 8), a singleton and noise.
        let data = ReferenceData.blobs(rows: 203, dims: 3, centers: 4, spread: 3, seed: 21)
        var labels = (0..<data.rows).map { $0 % 4 == 3 ? 3 : ($0 % 5 == 0 ? 0 : ($0 % 2 == 0 ? 1 : 2)) }
        labels[7] = 9
        labels[8] = -1
        let fast = try #require(Silhouette.samples(data, labels: labels, threads: 3))
        let plain = plainSilhouetteSamples((0..<data.rows).map(data.row), labels: labels)
        for (ours, theirs) in zip(fast, plain) { #expect(abs(ours - theirs) <= 1e-12) }
        let kept = labels.indices.filter { labels[$0] >= 0 }
        let mean = kept.reduce(0.0) { $0 + plain[$1] } / Double(kept.count)
        #expect(abs(try #require(Silhouette.score(data, labels: labels)) - mean) <= 1e-12)
        #expect(Silhouette.score(data, labels: labels, threads: 1) == Silhouette.score(data, labels: labels, threads: 4))
    }

    @Test func indicesAreUndefinedForOneCluster() {
        let data = Matrix([[0], [1], [2]])
        #expect(Silhouette.score(data, labels: [0, 0, 0]) == nil)
        #expect(CalinskiHarabasz.score(data, labels: [0, 0, -1]) == nil)
        #expect(DaviesBouldin.score(data, labels: [0, 1, 2]) == nil)
    }

    @Test func calinskiHarabaszAndDaviesBouldinByHand() throws {
        // {0, 2} and {10, 12}: centroids 1 and 11, mean 6.
        // CH = (2·25 + 2·25)·(4 − 2) / ((1 + 1 + 1 + 1)·(2 − 1)) = 50.
        // DB: scatter 1 each, separation 10 → (1 + 1) / 10 = 0.2.
        let data = Matrix([[0], [2], [10], [12]])
        #expect(CalinskiHarabasz.score(data, labels: [0, 0, 1, 1]) == 50)
        #expect(DaviesBouldin.score(data, labels: [0, 0, 1, 1]) == 0.2)
    }

    /// scikit-learn 1.9.1 adjusted_rand_score / normalized_mutual_info_score
    /// (metrics_mall.json, provenance there).
    @Test func agreementEqualsScikitLearn() throws {
        let reference = try ReferenceData.json("metrics_mall.json")
        let kmeans = reference["kmeans5_labels"] as! [Int]
        let gender = ClusterAgreement(kmeans, reference["gender"] as! [String])
        let expectedGender = reference["kmeans5_vs_gender"] as! [String: Double]
        #expect(abs(gender.adjustedRandIndex - expectedGender["adjusted_rand_score"]!) <= 1e-12)
        #expect(abs(gender.normalizedMutualInformation - expectedGender["normalized_mutual_info_score"]!) <= 1e-12)
        let ward = ClusterAgreement(kmeans, reference["ward5_labels"] as! [Int])
        let expectedWard = reference["kmeans5_vs_ward5"] as! [String: Double]
        #expect(abs(ward.adjustedRandIndex - expectedWard["adjusted_rand_score"]!) <= 1e-12)
        #expect(abs(ward.normalizedMutualInformation - expectedWard["normalized_mutual_info_score"]!) <= 1e-12)
    }

    @Test func agreementOfIdenticalPartitionsIsOne() {
        let agreement = ClusterAgreement([0, 0, 1, 1, 2], ["a", "a", "b", "b", "c"])
        #expect(agreement.adjustedRandIndex == 1)
        #expect(abs(agreement.normalizedMutualInformation - 1) <= 1e-15)
    }

    @Test func kneedleFindsTheMallKnee() throws {
        // scikit-learn's inertia for k = 2...10 (kmeans_mall.json): the knee is k = 5.
        let perK = try ReferenceData.json("kmeans_mall.json")["per_k"] as! [[String: Any]]
        let knee = Kneedle.knee(x: perK.map { Double($0["k"] as! Int) }, y: perK.map { $0["inertia"] as! Double })
        #expect(knee.map { perK[$0]["k"] as! Int } == 5)
        #expect(Kneedle.knee(x: [1, 2, 3], y: [5, 5, 5]) == nil)
        #expect(Kneedle.knee(x: [1, 2, 3], y: [3, 2, 1]) == nil)
    }

    @Test func kSelectionPicksFiveOnMall() throws {
        let data = try ReferenceData.mallIncomeSpending()
        let selection = try KSelection.evaluate(data, range: 2...10, configuration: KMeans.Configuration(clusterCount: 2))
        #expect(selection.candidates.map(\.k) == Array(2...10))
        #expect(selection.choice(by: .silhouette).k == 5)
        #expect(selection.knee == 5)
        #expect(selection.best(by: .daviesBouldin) == 5)
        let five = try #require(selection.candidate(k: 5))
        #expect(abs(try #require(five.silhouette) - 0.553931997444648) <= 1e-9)
    }
}
