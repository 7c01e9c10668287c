import Foundation
import SegmentCore

/// The tables and the standard-error summary of `segment clv`.
enum CLVOutput {
    /// One row per customer: the customer id, frequency, recency, T, monetary,
    /// p_alive, expected_purchases, expected_value, clv (+ segment).
    /// The id column keeps the name of the log's customer column (`customerColumn`), so the rows pipe into `profile` and `cluster`.
    static func writeCustomers(_ result: CustomerValueJob.Result, customerColumn: String, labels: [String]?, to sink: OutputSink, format: OutputFormat) throws {
        let summary = result.summary, forecast = result.forecast
        var header = [customerColumn, "frequency", "recency", "T", "monetary", "p_alive", "expected_purchases", "expected_value", "clv"]
        if labels != nil { header.append("segment") }
        let writer = try RecordWriter(sink: sink, format: format, header: header)
        func value(_ values: [Double]?, _ index: Int, decimals: Int) -> OutputValue {
            values.map { .number(rounded($0[index], decimals: decimals)) } ?? .missing
        }
        for index in summary.customers.indices {
            let history = summary.histories[index]
            var row: [OutputValue] = [
                .text(summary.customers[index]), .integer(Int(history.frequency)),
                .number(rounded(history.recency, decimals: 4)), .number(rounded(history.age, decimals: 4)),
                summary.hasAmounts ? .number(rounded(summary.monetary[index], decimals: 4)) : .missing,
                .number(significant(forecast.probabilityAlive[index])),
                .number(significant(forecast.expectedPurchases[index])),
                value(forecast.expectedValue, index, decimals: 4), value(forecast.clv, index, decimals: 4),
            ]
            if let labels, let segments = result.segmentOfCustomer {
                let segment = Int(segments[index])
                row.append(segment < 0 ? .missing : .text(labels[segment]))
            }
            try writer.write(row)
        }
        try writer.finish()
    }

    /// One row per segment (`SegmentValueTable`).
    static func writeSegments(_ table: SegmentValueTable, to sink: OutputSink, format: OutputFormat) throws {
        let writer = try RecordWriter(sink: sink, format: format, header: [
            "segment", "customers", "share", "total_clv", "clv_share", "mean_clv", "mean_p_alive", "expected_purchases", "at_risk_share",
        ])
        for row in table.rows {
            try writer.write([
                .text(row.segment), .integer(row.customers), .number(rounded(row.share, decimals: 4)),
                .number(rounded(row.totalCLV, decimals: 2)), .number(rounded(row.clvShare, decimals: 4)),
                .number(rounded(row.meanCLV, decimals: 2)), .number(rounded(row.meanProbabilityAlive, decimals: 4)),
                .number(rounded(row.expectedPurchases, decimals: 2)), .number(rounded(row.atRiskShare, decimals: 4)),
            ])
        }
        try writer.finish()
    }

    /// One row per calibration frequency (0..6, 7+) and the total: customers,
    /// actual and predicted holdout transactions, and their means per customer.
    static func writeHoldout(_ holdout: HoldoutComparison, to sink: OutputSink, format: OutputFormat) throws {
        let writer = try RecordWriter(sink: sink, format: format, header: [
            "frequency", "customers", "actual", "predicted", "actual_mean", "predicted_mean",
        ])
        for group in holdout.groups {
            let size = Double(max(group.customers, 1))
            try writer.write([
                .text(group.label), .integer(group.customers), .number(group.actual), .number(rounded(group.predicted, decimals: 2)),
                .number(rounded(group.actual / size, decimals: 4)), .number(rounded(group.predicted / size, decimals: 4)),
            ])
        }
        try writer.finish()
    }

    /// The summary on standard error: customers, the models with their
    /// parameters and log-likelihoods, the holdout totals, and warnings.
    static func report(_ result: CustomerValueJob.Result, segments: CustomerSegments?, console: Console) {
        let summary = result.summary, model = result.model
        let end = CellParsing.formatDate(seconds: Double(summary.calibrationEnd) * 86_400)
        let repeaters = summary.histories.count { $0.frequency > 0 }
        console.info("clv: \(summary.customers.count) customers (\(repeaters) with repeat purchases), calibration window to \(end), period \(summary.period.rawValue)")
        if summary.laterCustomers > 0 {
            console.info("clv: \(summary.laterCustomers) customers first bought after \(end) and are not in the forecast")
        }
        let names = model.model == ParetoNBD.name ? ParetoNBD.parameterNames : BetaGeometricNBD.parameterNames
        console.info("clv: \(model.model) \(parameters(names, model.parameters)), log-likelihood \(formatNumber(model.logLikelihood, decimals: 4)) over \(model.customers) customers")
        if let spend = model.gammaGamma {
            console.info("clv: gamma-gamma \(parameters(GammaGamma.parameterNames, spend.parameters)), log-likelihood \(formatNumber(spend.logLikelihood, decimals: 4)) over \(spend.customers) repeat buyers")
        }
        if let note = result.spendNote { console.warning(note.rendered(Segment.flag)) }
        if result.zeroSpendBuyers > 0 {
            console.info("clv: \(result.zeroSpendBuyers) repeat buyers whose repeat purchases add up to 0 were left out of the gamma-gamma fit (their expected value follows from the fit)")
        }
        if let holdout = result.holdout, let total = holdout.groups.last {
            let change = total.actual > 0 ? (total.predicted - total.actual) / total.actual * 100 : 0
            console.info("clv: holdout \(formatNumber(holdout.holdoutPeriods, decimals: 2)) \(summary.period.rawValue)s: actual \(formatNumber(total.actual)) transactions, predicted \(formatNumber(total.predicted, decimals: 1)) (\(change >= 0 ? "+" : "")\(formatNumber(change, decimals: 1))%); mean absolute error per customer \(formatNumber(holdout.meanAbsoluteError, decimals: 4))")
        }
        if let segments, let indices = result.segmentOfCustomer {
            let unlabelled = indices.count { $0 < 0 }
            if unlabelled > 0 {
                console.warning("\(unlabelled) of \(indices.count) customers have no segment in the segments file; they are counted as 'unlabelled'")
            }
            if result.labelledWithoutHistory > 0 {
                console.warning("\(result.labelledWithoutHistory) of \(segments.segmentOfCustomer.count) labelled customers have no purchase up to \(end) and are not in the forecast")
            }
        }
    }

    private static func parameters(_ names: [String], _ values: [String: Double]) -> String {
        names.map { "\($0) \(formatNumber(values[$0] ?? .nan, decimals: 4))" }.joined(separator: ", ")
    }

    /// `value` to 7 significant digits: probabilities of 10⁻¹¹ keep their size.
    private static func significant(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let decimals = 6 - Int(log10(abs(value)).rounded(.down))
        let scale = pow(10.0, Double(decimals))
        return (value * scale).rounded() / scale
    }
}
