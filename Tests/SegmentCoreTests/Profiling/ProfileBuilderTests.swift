import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("Segment profiles")
struct ProfileBuilderTests {
    static func mallProfiles() throws -> SegmentProfiles {
        let table = try ReportTestSupport.table("reference/mall_kmeans5_segments.csv")
        let features = ["Age", "Annual Income (k$)", "Spending Score (1-100)"].map { table.columnIndex(named: $0)! }
        return try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: table.columnIndex(named: "segment")!),
                                        featureColumns: features, categoryColumns: [table.columnIndex(named: "Gender")!])
    }

    /// Reference: Fixtures/reference/profile_mall.json — pandas groupby mean/median of
    /// mall_kmeans5_segments.csv (scikit-learn k = 5 labels, renumbered by size), differences
    /// over df[col].std(ddof=1) (bench/reference/make_profile_reference.py).
    @Test("means, medians, differences and shares equal a pandas groupby")
    func matchesPandas() throws {
        let profiles = try Self.mallProfiles()
        let reference = try ReportTestSupport.reference("profile_mall.json")
        let segments = reference["segments"] as! [[String: Any]]
        #expect(profiles.segments.map(\.label) == ["0", "1", "2", "3", "4"])
        for (profile, expected) in zip(profiles.segments, segments) {
            #expect(profile.size == expected["size"] as! Int)
            #expect(abs(profile.share - (expected["share"] as! Double)) < 1e-15)
            for feature in profile.features {
                let values = expected[feature.name] as! [String: Double]
                #expect(abs(feature.mean - values["mean"]!) < 1e-12)
                #expect(feature.median == values["median"]!)
                #expect(abs(feature.difference - values["difference"]!) < 1e-12)
            }
            let gender = expected["Gender"] as! [String: Double]
            let shares = profile.categories[0].shares
            #expect(shares.map(\.value) == ["Female", "Male"])
            for share in shares { #expect(abs(share.share - gender[share.value]!) < 1e-15) }
        }
        let overall = reference["overall"] as! [String: [String: Double]]
        for feature in profiles.overall.features {
            #expect(abs(feature.mean - overall[feature.name]!["mean"]!) < 1e-12)
            #expect(feature.difference == 0)
        }
        #expect(profiles.overall.size == 200)
        #expect(abs(profiles.overall.categories[0].shares[0].share - 0.56) < 1e-15)
    }

    @Test("mall k = 5 on income and spending: five distinct personas, named as a marketer would")
    func mallPersonas() throws {
        let table = try ReportTestSupport.table("reference/mall_kmeans5_segments.csv")
        let features = ["Annual Income (k$)", "Spending Score (1-100)"].map { table.columnIndex(named: $0)! }
        let profiles = try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: table.columnIndex(named: "segment")!),
                                                featureColumns: features, categoryColumns: [])
        // Segment means (income, spending): 0 (55.3, 49.5), 1 (86.5, 82.1), 2 (88.2, 17.1), 3 (26.3, 20.9), 4 (25.7, 79.4).
        #expect(profiles.segments.map(\.persona) == [
            "average income · average spending",
            "high income · high spending",
            "high income · low spending",
            "low income · low spending",
            "low income · high spending",
        ])
        #expect(profiles.segments.map { $0.action!.text } == [
            "regular newsletter and broad promotions",
            "new arrivals and exclusive deals",
            "premium upsell and feedback survey",
            "value bundles and discount promotions",
            "instalment offers and loyalty rewards",
        ])
    }

    @Test("empty labels are left out, noise comes last, text labels order by size")
    func labels() throws {
        let csv = "x,segment\n1,1\n2,\n3,-1\n4,0\n5,0\n6,NA\n"
        let table = try TableLoader.load(.file(try temporaryCSV(csv)), dialect: .csv, threads: 1)
        let profiles = try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: 1), featureColumns: [0], categoryColumns: [])
        #expect(profiles.segments.map(\.label) == ["0", "1", "-1"])
        #expect(profiles.segments.map(\.size) == [2, 1, 1])
        #expect(profiles.segments[2].isNoise)
        #expect(profiles.segments[2].persona == "noise (no segment)")
        #expect(profiles.segments[2].action == nil)
        #expect(profiles.unlabelledCount == 2)
        #expect(profiles.overall.size == 4)
        #expect(profiles.segments[0].features[0].mean == 4.5)

        let named = try TableLoader.load(.file(try temporaryCSV("x,segment\n1,b\n2,a\n3,a\n4,c\n")), dialect: .csv, threads: 1)
        let labels = SegmentLabels(table: named, labelColumn: 1)
        #expect(labels.keys == ["a", "b", "c"])
        #expect(labels.rows == [1, 0, 0, 2])
        #expect(labels.origin == "column 'segment'")
    }

    @Test("a label column without labels is an error")
    func noLabels() throws {
        let table = try TableLoader.load(.file(try temporaryCSV("x,segment\n1,\n2,\n")), dialect: .csv, threads: 1)
        #expect(throws: SegmentError.self) {
            try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: 1), featureColumns: [0], categoryColumns: [])
        }
    }

    @Test("records: readable shares and rounded numbers for tables, fractions for CSV")
    func records() throws {
        let profiles = try Self.mallProfiles()
        let header = profiles.recordHeader
        #expect(header.prefix(8) == ["segment", "size", "share", "persona", "action", "Age mean", "Age median", "Age diff (sd)"])
        #expect(header.suffix(2) == ["Gender=Female", "Gender=Male"])
        let readable = profiles.records(readable: true)
        #expect(readable.count == 6)
        #expect(readable[0][2] == .text("40.5%"))
        #expect(readable[5][0] == .text("all"))
        let exact = profiles.records(readable: false)
        #expect(exact[0][2] == .number(0.405))
        #expect(exact.allSatisfy { $0.count == header.count })
    }

    private func temporaryCSV(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UInt64.random(in: 0...UInt64.max)).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("customer value per segment: total and share of clv, mean p_alive (missing clv skipped)")
    func customerValue() throws {
        let table = try RecommendTestSupport.table("""
            customer_id,recency,clv,p_alive,segment
            1,1,10,0.5,a
            2,2,30,1.0,a
            3,3,,0.2,b
            4,4,60,0.4,b
            5,5,0,0.9,
            """)
        let value = try #require(CustomerValueColumns(table: table))
        let profiles = try ProfileBuilder.build(table: table, labels: SegmentLabels(table: table, labelColumn: 4),
                                                featureColumns: [1], categoryColumns: [], valueColumns: value)
        // Worked by hand: a 10 + 30 = 40 of 100, mean p_alive 0.75; b 60 of 100 (the empty clv skipped), mean p_alive 0.3.
        #expect(profiles.segments.map { $0.customerValue } == [
            SegmentCustomerValue(totalCLV: 40, clvShare: 0.4, meanProbabilityAlive: 0.75),
            SegmentCustomerValue(totalCLV: 60, clvShare: 0.6, meanProbabilityAlive: 0.30000000000000004),
        ])
        #expect(profiles.overall.customerValue?.totalCLV == 100)
        #expect(profiles.recordHeader.prefix(8) == ["segment", "size", "share", "persona", "action", "total_clv", "clv_share", "mean_p_alive"])
    }
}
