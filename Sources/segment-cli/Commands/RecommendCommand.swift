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
        options: Options.optionSpecs,
        examples: [
            "segment recommend --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv --top 5",
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment recommend --segments - --purchases Fixtures/purchases.csv --method hybrid",
            "segment recommend --purchases Fixtures/purchases.csv --catalog Fixtures/products.csv --segments segments.csv --evaluate",
        ],
        positionalsAreInputFiles: false
    )

    /// The options of `recommend`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var purchases = PurchaseInputs.Options()
        /// The customer segments file (`-` for standard input), if any.
        var segments: String?
        /// The customer id column of the segments; `nil` detects it.
        var id: String?
        /// The label column of the segments.
        var labelColumn = ClusterOutput.defaultLabelColumn
        /// The recommendation method.
        var method = RecommendationMethod.tfidf
        /// Whether items already bought may be recommended.
        var includePurchased = false
        /// Whether to evaluate every method instead of recommending.
        var evaluate = false
        var recommendation = RecommendOptions()
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = PurchaseInputs.Options.files.lifted(to: \.purchases)
            + [
                .value("segments", \.segments, "FILE|-", help: "Customer labels, e.g. the output of segment cluster; - reads standard input. Empty labels and -1 (noise) mean no segment.").readsFile(),
                .value("id", \.id, "COL", help: "Customer id column of --segments.", defaultDescription: "first unique column whose last word is 'id'"),
                .value("label-column", \.labelColumn, "NAME", help: "Label column of --segments."),
                Option.value("method", \.method, "METHOD", help: "Recommendation method.").restricted(to: RecommendationMethod.selectable.map(\.rawValue)),
                .flag("include-purchased", \.includePurchased, help: "Allow items the customer already bought."),
                .flag("evaluate", \.evaluate, help: "Evaluate every method on held-out purchases instead of recommending."),
            ]
            + RecommendOptions.declarations.lifted(to: \.recommendation)
            + PurchaseInputs.Options.columnOptions.lifted(to: \.purchases)
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table], defaultDescription: "csv; table for --evaluate on a terminal").lifted(to: \.output)
            + RuntimeOptions.declarations().lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        if let extra = options.positionals.first {
            throw UsageError(message: "unexpected argument '\(extra)'; give the purchase log with --purchases FILE")
        }
        guard let purchasesPath = options.purchases.purchases else {
            throw UsageError(message: "missing --purchases FILE: the purchase log is required")
        }
        let method = options.method
        var configuration = options.recommendation.configuration(runtime: options.runtime)
        configuration.includePurchased = options.includePurchased
        let evaluate = options.evaluate
        if !evaluate && method == .segment && options.segments == nil {
            throw UsageError(message: "--method segment needs customer segments: add --segments FILE (for example the output of segment cluster)")
        }
        if !evaluate && method == .knn && options.purchases.catalog == nil {
            throw UsageError(message: "--method knn needs the product catalog: add --catalog FILE")
        }
        let threads = options.runtime.threadCount
        let segments = try options.segments.map {
            try PurchaseInputs.loadSegments(path: $0, id: options.id, labelColumn: options.labelColumn, threads: threads)
        }
        let inputs = try PurchaseInputs.load(purchases: purchasesPath, segments: segments, options: options.purchases,
                                             needsDates: evaluate && options.recommendation.holdout == .last, threads: threads)
        let log = inputs.log
        if let warning = inputs.uncountedWarning { console.warning(warning) }
        let segmentOfCustomer = segments?.segmentIndices(for: log.customers)
        if let segments, let segmentOfCustomer {
            let buyers = Set(log.customerOfPurchase)
            let coldStart = segmentOfCustomer.indices.filter { segmentOfCustomer[$0] >= 0 && !buyers.contains(Int32($0)) }.count
            console.info("segments: \(segments.labels.count) labels for \(segments.segmentOfCustomer.count) customers, \(coldStart) of them without purchases (cold start)")
        }

        let sink = try options.output.open()
        if evaluate {
            let evaluation = try options.recommendation.evaluate(inputs, segmentOfCustomer: segmentOfCustomer, runtime: options.runtime)
            try writeEvaluation(evaluation.rows, k: evaluation.k, to: sink, format: options.output.format(report: true))
            console.info(evaluation.summary)
        } else {
            let engine = RecommendationEngine(interactions: log.interactions(weight: options.recommendation.weight), segmentOfCustomer: segmentOfCustomer,
                                              itemVectors: inputs.itemVectors, configuration: configuration)
            let lists = engine.recommend(method, for: Array(log.customers.indices))
            try writeRecommendations(lists, log: log, to: sink, format: options.output.format(report: false))
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
