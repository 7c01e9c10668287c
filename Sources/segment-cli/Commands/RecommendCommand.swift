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
        options: PurchaseInputs.fileOptions + [
            OptionSpec("segments", value: "FILE|-", help: "Customer labels, e.g. the output of segment cluster; - reads standard input. Empty labels and -1 (noise) mean no segment."),
            OptionSpec("id", value: "COL", help: "Customer id column of --segments.", defaultDescription: "first unique column whose last word is 'id'"),
            OptionSpec("label-column", value: "NAME", help: "Label column of --segments.", default: "segment"),
            OptionSpec("method", value: "METHOD", help: "Recommendation method.", default: "tfidf", choices: RecommendationMethod.selectable.map(\.rawValue)),
            OptionSpec("include-purchased", help: "Allow items the customer already bought."),
            OptionSpec("evaluate", help: "Evaluate every method on held-out purchases instead of recommending."),
        ] + RecommendOptions.evaluation + PurchaseInputs.columnOptions
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
        var configuration = try RecommendOptions.configuration(arguments)
        configuration.includePurchased = arguments.flag("include-purchased")
        let evaluate = arguments.flag("evaluate")
        _ = try RecommendOptions.testFraction(arguments)  // a bad value fails before any file is read
        if !evaluate && method == .segment && !arguments.has("segments") {
            throw UsageError(message: "--method segment needs customer segments: add --segments FILE (for example the output of segment cluster)")
        }
        if !evaluate && method == .knn && !arguments.has("catalog") {
            throw UsageError(message: "--method knn needs the product catalog: add --catalog FILE")
        }

        let segments = try arguments.string("segments").map { try PurchaseInputs.loadSegments(path: $0, arguments: arguments) }
        let inputs = try PurchaseInputs.load(purchases: purchasesPath, segments: segments, arguments: arguments)
        let log = inputs.log
        let segmentOfCustomer = segments?.segmentIndices(for: log.customers)
        if let segments, let segmentOfCustomer {
            let buyers = Set(log.customerOfPurchase)
            let coldStart = segmentOfCustomer.indices.filter { segmentOfCustomer[$0] >= 0 && !buyers.contains(Int32($0)) }.count
            console.info("segments: \(segments.labels.count) labels for \(segments.segmentOfCustomer.count) customers, \(coldStart) of them without purchases (cold start)")
        }

        let sink = try CommonOptions.openOutput(arguments)
        if evaluate {
            let evaluation = try RecommendOptions.evaluate(inputs, segmentOfCustomer: segmentOfCustomer, arguments: arguments)
            try writeEvaluation(evaluation.rows, k: evaluation.k, to: sink, format: CommonOptions.format(arguments, report: true))
            console.info(evaluation.summary)
        } else {
            let engine = RecommendationEngine(interactions: log.interactions(weight: RecommendOptions.weight(arguments)), segmentOfCustomer: segmentOfCustomer,
                                              itemVectors: inputs.itemVectors, configuration: configuration)
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
