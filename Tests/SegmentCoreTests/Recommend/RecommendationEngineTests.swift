import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("RecommendationEngine")
struct RecommendationEngineTests {
    /// Fixture purchases, catalog and segments from income/spending
    /// thresholds on the mall file (computed here, independent of cluster).
    static func fixtureEngine(top: Int = 10) throws -> (PurchaseLog, RecommendationEngine) {
        let mall = try RecommendTestSupport.fixture("mall_customers.csv")
        var labels: [String: String] = [:]
        let income = mall.columns[3].values!, spending = mall.columns[4].values!
        for row in 0..<mall.rowCount {
            let label = income[row] >= 70 ? (spending[row] >= 60 ? "rich-spender" : "rich-saver")
                : income[row] < 40 ? (spending[row] >= 60 ? "young-spender" : "thrifty") : "middle"
            labels[mall.string(row: row, column: 0)] = label
        }
        let segments = CustomerSegments(labelOfCustomer: labels)
        let table = try RecommendTestSupport.fixture("purchases.csv")
        let catalog = try RecommendTestSupport.fixture("products.csv")
        let features = try CatalogFeatures(table: catalog, idColumn: 0, textColumns: [1, 3], categoricalColumns: [2, 5], numericColumns: [4])
        let log = try PurchaseLog(table: table, columns: try PurchaseColumns.resolve(.init(), in: table),
                                  extraCustomers: segments.customerIds, extraItems: features.itemIds)
        var configuration = RecommendationEngine.Configuration()
        configuration.top = top
        let engine = RecommendationEngine(interactions: log.interactions(), segmentOfCustomer: segments.segmentIndices(for: log.customers),
                                          itemVectors: features.aligned(to: log.items), configuration: configuration)
        return (log, engine)
    }

    @Test("no method ever recommends an item the customer bought, and lists are full", arguments: RecommendationMethod.allCases)
    func neverRecommendsPurchased(method: RecommendationMethod) throws {
        let (log, engine) = try Self.fixtureEngine()
        let lists = engine.recommend(method, for: Array(log.customers.indices))
        var bought = Set<[Int32]>()
        for purchase in 0..<log.count { bought.insert([log.customerOfPurchase[purchase], log.itemOfPurchase[purchase]]) }
        for (position, customer) in lists.customers.enumerated() {
            #expect(lists.counts[position] == 10)
            let items = lists.items(at: position)
            #expect(Set(items).count == items.count)
            for item in items { #expect(!bought.contains([Int32(customer), item]), "customer \(log.customers[customer]) item \(log.items[Int(item)])") }
        }
    }

    @Test("customers without purchases get their segment's items; the method column says so")
    func coldStart() throws {
        let (log, engine) = try Self.fixtureEngine()
        let buyers = Set(log.customerOfPurchase)
        let cold = log.customers.indices.filter { !buyers.contains(Int32($0)) }
        #expect(cold.count == 10)
        let lists = engine.recommend(.tfidf, for: cold)
        for position in cold.indices {
            #expect(lists.methods[position * 10] == .segment)
        }
    }

    @Test("a customer with neither purchases nor segment gets popular items")
    func popularFallback() throws {
        let log = try RecommendTestSupport.log("customer_id,product_id\n1,a\n1,b\n2,a\n3,c\n", extraCustomers: ["9"])
        var configuration = RecommendationEngine.Configuration()
        configuration.top = 2
        let engine = RecommendationEngine(interactions: log.interactions(), segmentOfCustomer: nil, itemVectors: nil, configuration: configuration)
        let nine = log.customers.firstIndex(of: "9")!
        let lists = engine.recommend(.tfidf, for: [nine])
        #expect(Array(lists.items(at: 0)).map { log.items[Int($0)] } == ["a", "b"])
        #expect(lists.methods[0] == .popular && lists.methods[1] == .popular)
        #expect(lists.scores[0] == 2.0 / 3.0)
    }

    @Test("segment ranking by hand: TF-IDF with segments as documents")
    func segmentRanking() {
        // Segment 0: customers 0, 1 buy item 0; customer 1 buys item 1.
        // Segment 1: customer 2 buys items 1 and 2.
        let interactions = SparseMatrix(rowCount: 3, columnCount: 3, rows: [0, 1, 1, 2, 2], columns: [0, 0, 1, 1, 2], values: [1, 1, 1, 1, 1])
        let ranking = SegmentRanking(interactions: interactions, segmentOfCustomer: [0, 0, 1])
        // Segment 0 counts: item0 = 2, item1 = 1; idf(item0) = ln(3/2)+1, idf(item1) = 1.
        #expect(ranking.rankedItems[0] == [0, 1])
        #expect(ranking.rankedItems[1] == [2, 1])
        let a = (1 + log(2.0)) * (log(1.5) + 1), b = 1.0
        #expect(abs(ranking.rankedScores[0][0] - a / (a * a + b * b).squareRoot()) < 1e-15)
    }

    @Test("content-based: the nearest catalog item to the profile comes first")
    func contentBased() throws {
        let catalog = try RecommendTestSupport.table("""
            sku,name,category,price
            s1,red wool scarf,winter,20
            s2,red wool hat,winter,22
            s3,blue cotton shirt,summer,30
            s4,green wool gloves,winter,21
            s5,silver laptop,tech,900
            """)
        let features = try CatalogFeatures(table: catalog, idColumn: 0, textColumns: [1], categoricalColumns: [2], numericColumns: [3])
        let log = try RecommendTestSupport.log("customer_id,sku\nc1,s1\n", extraItems: features.itemIds)
        var configuration = RecommendationEngine.Configuration()
        configuration.top = 4
        let engine = RecommendationEngine(interactions: log.interactions(), segmentOfCustomer: nil,
                                          itemVectors: features.aligned(to: log.items), configuration: configuration)
        let lists = engine.recommend(.knn, for: [0])
        #expect(Array(lists.items(at: 0)).map { log.items[Int($0)] }.prefix(3) == ["s2", "s4", "s3"])
        #expect(lists.methods[0] == .knn)
    }

    @Test("--include-purchased lets bought items back in")
    func includePurchased() throws {
        let log = try RecommendTestSupport.log("customer_id,product_id\n1,a\n2,a\n2,b\n3,b\n")
        var configuration = RecommendationEngine.Configuration()
        configuration.top = 2
        configuration.includePurchased = true
        let engine = RecommendationEngine(interactions: log.interactions(), segmentOfCustomer: nil, itemVectors: nil, configuration: configuration)
        let lists = engine.recommend(.popular, for: [0])
        #expect(Array(lists.items(at: 0)) == [0, 1])
    }
}
