import SegmentCore

/// `segment recommend`: top-N items per customer, or an offline evaluation
/// of every method with `--evaluate`.
enum RecommendCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "recommend",
        abstract: "Recommend items per customer from purchases, segments and a catalog; --evaluate compares methods.",
        discussion: """
        Methods: tfidf (collaborative filtering: the --neighbors most similar customers by cosine similarity of TF-IDF weighted purchase vectors; items scored by neighbour similarity), knn (content-based: catalog items nearest to the customer's profile built from names, descriptions, categories and prices; needs --catalog), segment (the items most characteristic of the customer's segment, TF-IDF with segments as documents; needs --segments), popular (the global baseline), hybrid (0.5 tfidf + 0.3 segment + 0.2 knn, each normalised by its best score).
        A customer without purchases gets their segment's items (cold start), one with neither gets popular items; lists too short are filled with popular items. The method column says which method produced each row. Items already bought are never recommended unless --include-purchased.
        --evaluate holds out each customer's last purchases by date (or a random share with --holdout random and --seed), trains on the rest and prints precision@k, recall@k, ndcg@k, hit_rate@k and coverage for every method and the popular and random baselines (k = --top).
        Ids are kept as text ("007" stays "007"); customers and items are listed with numeric ids in numeric order.
        """,
        usage: "segment recommend --purchases FILE [--catalog FILE] [--segments FILE|-] [options]",
        options: [
            OptionSpec("purchases", value: "FILE", help: "Purchase log (CSV/TSV): customer id, item id, optional quantity and date."),
            OptionSpec("catalog", value: "FILE", help: "Product catalog: an item id column, text columns (name, description), categorical columns (category, brand) and numeric columns (price)."),
            OptionSpec("segments", value: "FILE|-", help: "Customer labels, e.g. the output of segment cluster; - reads standard input. Empty labels and -1 (noise) mean no segment."),
            OptionSpec("id", value: "COL", help: "Customer id column of --segments.", defaultDescription: "first unique column whose last word is 'id'"),
            OptionSpec("label-column", value: "NAME", help: "Label column of --segments.", default: "segment"),
            OptionSpec("catalog-id", value: "COL", help: "Item id column of --catalog.", defaultDescription: "the purchases' item column name, else a product/item/sku id column"),
            OptionSpec("method", value: "METHOD", help: "Recommendation method.", default: "tfidf", choices: RecommendationMethod.selectable.map(\.rawValue)),
            OptionSpec("top", value: "N", help: "Items per customer (and k of the metrics).", default: "10"),
            OptionSpec("neighbors", value: "K", help: "Neighbours per customer for tfidf.", default: "20"),
            OptionSpec("weight", value: "WEIGHT", help: "Interaction strength: summed quantity or number of purchases.", default: "quantity", choices: InteractionWeight.allCases.map(\.rawValue)),
            OptionSpec("include-purchased", help: "Allow items the customer already bought."),
            OptionSpec("evaluate", help: "Evaluate every method on held-out purchases instead of recommending."),
            OptionSpec("holdout", value: "HOW", help: "Held-out purchases for --evaluate: each customer's latest by date, or random.", default: "last", choices: HoldoutEvaluation.Strategy.allCases.map(\.rawValue)),
            OptionSpec("test-fraction", value: "F", help: "Share of each customer's purchases held out (at least one, never all).", default: "0.2"),
        ] + PurchaseInputs.columnOptions
            + CommonOptions.output(formats: [.csv, .tsv, .json, .jsonl, .table], defaultFormat: nil, defaultDescription: "csv; table for --evaluate on a terminal")
            + CommonOptions.runtime,
        examples: [
            "segment recommend --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv --top 5",
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment recommend --segments - --purchases Fixtures/purchases.csv --method hybrid",
            "segment recommend --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv --segments segments.csv --evaluate",
        ]
    )

    static func run(_ arguments: ParsedArguments, console: Console) throws {
        if let extra = arguments.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'; give the purchase log with --purchases FILE")
        }
        guard let purchasesPath = arguments.string("purchases") else {
            throw UsageError(message: "missing --purchases FILE: the purchase log is required")
        }
        if purchasesPath == "-" && arguments.string("segments") == "-" {
            throw UsageError(message: "--purchases - and --segments - cannot both read standard input; give one of them as a file")
        }
        let method = RecommendationMethod(rawValue: arguments.choice("method") ?? "tfidf") ?? .tfidf
        var configuration = RecommendationEngine.Configuration()
        configuration.top = try arguments.int("top", in: 1...100_000) ?? 10
        configuration.neighbors = try arguments.int("neighbors", in: 1...100_000) ?? 20
        configuration.includePurchased = arguments.flag("include-purchased")
        configuration.threads = try CommonOptions.threads(arguments)
        configuration.seed = try CommonOptions.seed(arguments)
        let weight = InteractionWeight(rawValue: arguments.choice("weight") ?? "quantity") ?? .quantity
        let evaluate = arguments.flag("evaluate")
        let testFraction = try arguments.double("test-fraction", exclusiveLowerBound: 0) ?? 0.2
        guard testFraction < 1 else { throw UsageError(message: "--test-fraction must be less than 1, got \(formatNumber(testFraction))") }
        if !evaluate && method == .segment && !arguments.has("segments") {
            throw UsageError(message: "--method segment needs customer segments: add --segments FILE (for example the output of segment cluster)")
        }
        if !evaluate && method == .knn && !arguments.has("catalog") {
            throw UsageError(message: "--method knn needs the product catalog: add --catalog FILE")
        }

        let segments = try arguments.string("segments").map { try PurchaseInputs.loadSegments(path: $0, arguments: arguments) }
        let purchaseTable = try PurchaseInputs.loadTable(path: purchasesPath, arguments: arguments)
        let columns = try PurchaseColumns.resolve(PurchaseInputs.columnNames(arguments), in: purchaseTable)
        let catalog = try arguments.string("catalog").map {
            try PurchaseInputs.loadCatalog(path: $0, itemColumnName: purchaseTable.columnNames[columns.item!], arguments: arguments)
        }
        let log = try PurchaseLog(table: purchaseTable, columns: columns,
                                  extraCustomers: segments?.customerIds ?? [], extraItems: catalog?.itemIds ?? [])
        let segmentOfCustomer = segments?.segmentIndices(for: log.customers)
        let itemVectors = catalog?.aligned(to: log.items)
        if let segments, let segmentOfCustomer {
            let buyers = Set(log.customerOfPurchase)
            let coldStart = segmentOfCustomer.indices.filter { segmentOfCustomer[$0] >= 0 && !buyers.contains(Int32($0)) }.count
            console.info("segments: \(segments.labels.count) labels for \(segments.segmentOfCustomer.count) customers, \(coldStart) of them without purchases (cold start)")
        }

        let sink = try CommonOptions.openOutput(arguments)
        if evaluate {
            let strategy = HoldoutEvaluation.Strategy(rawValue: arguments.choice("holdout") ?? "last") ?? .last
            let split = try HoldoutEvaluation.split(log, strategy: strategy, testFraction: testFraction, seed: configuration.seed)
            guard !split.customers.isEmpty else {
                throw SegmentError.invalidInput("\(purchaseTable.source): no customer has a held-out item that is new to them; evaluation needs customers with several different purchases")
            }
            let rows = HoldoutEvaluation.evaluate(log, split: split, weight: weight, segmentOfCustomer: segmentOfCustomer,
                                                  itemVectors: itemVectors, configuration: configuration)
            try writeEvaluation(rows, k: configuration.top, to: sink, format: CommonOptions.format(arguments, report: true))
            console.info("evaluated \(split.customers.count) customers, holdout \(strategy.rawValue), test fraction \(formatNumber(testFraction)), k = \(configuration.top)")
        } else {
            let engine = RecommendationEngine(interactions: log.interactions(weight: weight), segmentOfCustomer: segmentOfCustomer,
                                              itemVectors: itemVectors, configuration: configuration)
            let lists = engine.recommend(method, for: Array(log.customers.indices))
            try writeRecommendations(lists, log: log, to: sink, format: CommonOptions.format(arguments, report: false))
        }
        try sink.commit()
    }

    /// Writes `method,precision@k,recall@k,ndcg@k,hit_rate@k,coverage` rows.
    static func writeEvaluation(_ rows: [HoldoutEvaluation.Row], k: Int, to sink: OutputSink, format: OutputFormat) throws {
        let writer = try RecordWriter(sink: sink, format: format,
                                      header: ["method", "precision@\(k)", "recall@\(k)", "ndcg@\(k)", "hit_rate@\(k)", "coverage"])
        for row in rows {
            let m = row.metrics
            try writer.write([.text(row.method.rawValue)] + [m.precision, m.recall, m.ndcg, m.hitRate, m.coverage].map { .number(rounded($0)) })
        }
        try writer.finish()
    }

    /// Writes `customer,rank,item,score,method` rows.
    static func writeRecommendations(_ lists: RecommendationLists, log: PurchaseLog, to sink: OutputSink, format: OutputFormat) throws {
        let writer = try RecordWriter(sink: sink, format: format, header: ["customer", "rank", "item", "score", "method"])
        for (position, customer) in lists.customers.enumerated() {
            for slot in 0..<lists.counts[position] {
                let index = position * lists.top + slot
                try writer.write([.text(log.customers[customer]), .integer(slot + 1), .text(log.items[Int(lists.items[index])]),
                                  .number(rounded(lists.scores[index])), .text(lists.methods[index].rawValue)])
            }
        }
        try writer.finish()
    }

    /// Rounds to 6 decimals so output is short and stable.
    static func rounded(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}
