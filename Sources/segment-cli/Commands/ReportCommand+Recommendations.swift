import SegmentCore

extension ReportCommand {
    /// Joins the report's segments to the purchase log by customer id and
    /// evaluates every recommendation method on held-out purchases (as
    /// `recommend --evaluate`); lists each segment's top `--top` items.
    /// - Throws: `ParameterError` when the table has no id column.
    static func recommendations(purchases path: String, report: Report, table: Table, _ options: Options,
                                console: Console) throws -> RecommendationSection {
        guard let idColumn = report.idColumn else {
            throw ParameterError("id", "\(table.source): \(parameter: "purchases") joins customers by id, but no unique id column was found; name it with \(parameter: "id") (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let segments = try CustomerSegments(table: table, idColumn: idColumn, labels: report.labels)
        let inputs = try PurchaseInputs.load(purchases: path, segments: segments, options: options.purchases,
                                             needsDates: options.recommendation.holdout == .last,
                                             threads: options.runtime.threadCount)
        if let warning = inputs.uncountedWarning { console.warning(warning) }
        let segmentOfCustomer = segments.segmentIndices(for: inputs.log.customers)
        let evaluation = try options.recommendation.evaluate(inputs, segmentOfCustomer: segmentOfCustomer, runtime: options.runtime)
        console.info(evaluation.summary)

        let configuration = options.recommendation.configuration(runtime: options.runtime)
        let engine = RecommendationEngine(interactions: inputs.log.interactions(weight: options.recommendation.weight),
                                          segmentOfCustomer: segmentOfCustomer, itemVectors: inputs.itemVectors, configuration: configuration)
        let personas = Dictionary(uniqueKeysWithValues: (report.content.profiles?.segments ?? []).map { ($0.label, $0.persona) })
        let topItems = segments.labels.enumerated().map { index, label in
            (segment: personas[label].map { "\(label) · \($0)" } ?? label,
             items: engine.segmentItems(index, count: configuration.top).map { inputs.log.items[Int($0)] })
        }
        return RecommendationSection(evaluation: evaluation.rows, k: evaluation.k, holdout: options.recommendation.holdout, topItems: topItems)
    }
}
