import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// The summary conventions and the maximum-likelihood fits on
/// `Fixtures/transactions.csv` (drawn from the CDNOW parameters by
/// `Fixtures/generator/make_transactions.swift`).
///
/// Expected fits: lifetimes 0.11.3 on the same file,
/// `bench/.venv/bin/python bench/ref_clv.py Fixtures/transactions.csv --customer customer_id --date date --amount amount --calibration-end 2025-09-30 --period D --freq-multiplier 7 --model bgnbd|paretonbd`
/// (`summary_data_from_transaction_data` with days / 7, `BetaGeoFitter`,
/// `ParetoNBDFitter`, `GammaGammaFitter`; total log-likelihoods).
@Suite("Customer value fits")
struct CustomerValueFitTests {
    static func summary(calibrationEnd: String = "2025-09-30") throws -> TransactionSummary {
        let table = try RecommendTestSupport.fixture("transactions.csv")
        let columns = try PurchaseColumns.resolve(.init(), in: table, requireItem: false, requireDate: true)
        let log = try PurchaseLog(table: table, columns: columns)
        var text = calibrationEnd
        let end = try #require(text.withUTF8 { CellParsing.parseDate($0) }) / 86_400
        return try TransactionSummary(log: log, calibrationEnd: Int(end), period: .week)
    }

    static func relative(_ value: Double, _ expected: Double) -> Double { abs(value - expected) / abs(expected) }

    @Test("a date column keeps the format of its first row: YYYYMMDD is read, a mixed column names the cell")
    func dateFormats() throws {
        let compact = try RecommendTestSupport.table("customer,date,amount\na,19970101,10\na,19970108,5\n")
        let columns = try PurchaseColumns.resolve(.init(), in: compact, requireItem: false, requireDate: true)
        let log = try PurchaseLog(table: compact, columns: columns)
        #expect(log.days == [Double(CellParsing.daysFromCivil(year: 1997, month: 1, day: 1)), Double(CellParsing.daysFromCivil(year: 1997, month: 1, day: 8))])
        let mixed = try RecommendTestSupport.table("customer,date,amount\na,2024-01-01,10\na,20240108,5\n")
        let error = #expect(throws: SegmentError.self) {
            _ = try PurchaseLog(table: mixed, columns: try PurchaseColumns.resolve(.init(), in: mixed, requireItem: false, requireDate: true))
        }
        #expect(String(describing: error!).contains("expected a date YYYY-MM-DD, found '20240108'"))
    }

    @Test("summary conventions on a consistent log")
    func conventionsConsistent() throws {
        let table = try RecommendTestSupport.table("""
            customer,date,amount
            a,2024-01-01,10
            a,2024-01-01,5
            a,2024-01-08,20
            a,2024-01-15,40
            a,2024-02-01,7
            b,2024-01-03,9
            c,2024-01-20,1
            """)
        let columns = try PurchaseColumns.resolve(.init(), in: table, requireItem: false, requireDate: true)
        let log = try PurchaseLog(table: table, columns: columns)
        let end = CellParsing.daysFromCivil(year: 2024, month: 1, day: 15)
        let summary = try TransactionSummary(log: log, calibrationEnd: end, period: .week)
        #expect(summary.customers == ["a", "b"])
        #expect(summary.laterCustomers == 1)
        // a: days 1 (15 in two rows), 8, 15 in the window → x = 2, tₓ = 14/7, T = 14/7; monetary (20 + 40) / 2.
        #expect(summary.histories[0] == RepeatBuyerHistory(frequency: 2, recency: 2, age: 2))
        #expect(summary.monetary[0] == 30)
        #expect(summary.holdoutTransactions == [1, 0])
        // b: one purchase on day 3 → x = 0, tₓ = 0, T = 12/7.
        #expect(summary.histories[1] == RepeatBuyerHistory(frequency: 0, recency: 0, age: 12.0 / 7))
        #expect(summary.holdoutPeriods == 17.0 / 7)
    }

    @Test("the streamed summary equals the in-memory one; a log out of date order is read whole with the same result")
    func streamedSummary() throws {
        let path = RecommendTestSupport.fixtures.appendingPathComponent("transactions.csv").path
        var text = "2025-09-30"
        let end = Int(try #require(text.withUTF8 { CellParsing.parseDate($0) }) / 86_400)
        func read(_ path: String) throws -> PurchaseSummaryReader.Result {
            try PurchaseSummaryReader(source: .file(path), dialect: .csv, names: .init(), calibrationEnd: end, period: .week, threads: 2).read()
        }
        let streamed = try read(path)
        let loaded = try Self.summary()
        #expect(streamed.streamed)
        #expect(streamed.summary.customers == loaded.customers)
        #expect(streamed.summary.histories == loaded.histories)
        #expect(streamed.summary.monetary == loaded.monetary)
        #expect(streamed.summary.holdoutTransactions == loaded.holdoutTransactions)
        #expect(streamed.summary.laterCustomers == loaded.laterCustomers)
        // The same rows newest first: every customer's purchases go back in time.
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let reversed = FileManager.default.temporaryDirectory.appendingPathComponent("reversed-\(UUID().uuidString).csv")
        try ([String(lines[0])] + lines.dropFirst().reversed().map(String.init)).joined(separator: "\n").write(to: reversed, atomically: true, encoding: .utf8)
        let whole = try read(reversed.path)
        #expect(!whole.streamed)
        #expect(whole.summary.histories == loaded.histories)
        #expect(zip(whole.summary.monetary, loaded.monetary).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test("BG/NBD fit matches lifetimes: r 0.1550717942, α 4.155510082, a 0.2128040438, b 0.3346116151, LL −581.3432429")
    func betaGeometric() throws {
        let fit = try ModelFitting.fit(BetaGeometricNBD.self, to: try Self.summary().histories, threads: 2)
        let expected = [0.1550717942, 4.155510082, 0.2128040438, 0.3346116151]
        for (value, reference) in zip(fit.model.parameterValues, expected) { #expect(Self.relative(value, reference) < 1e-4) }
        #expect(abs(fit.logLikelihood - -581.3432429) < 1e-5)
    }

    @Test("Pareto/NBD fit matches lifetimes: r 0.3833993373, α 10.1213113, s 0.4107206902, β 4.188538411, LL −583.3825532")
    func pareto() throws {
        let fit = try ModelFitting.fit(ParetoNBD.self, to: try Self.summary().histories, threads: 2)
        // The likelihood is flat along α and β here: lifetimes stops 3e-4 away
        // from our optimum, at a log-likelihood lower by less than 1e-6.
        let expected = [0.3833993373, 10.1213113, 0.4107206902, 4.188538411]
        for (value, reference) in zip(fit.model.parameterValues, expected) { #expect(Self.relative(value, reference) < 1e-3) }
        #expect(fit.logLikelihood >= -583.3825532 - 1e-6)
    }

    @Test("Gamma-Gamma fit matches lifetimes: p 6.853146075, q 5.531567097, v 20.55237278, LL −234.7152601")
    func spend() throws {
        let summary = try Self.summary()
        let buyers = summary.histories.indices.filter { summary.histories[$0].frequency > 0 }
        let fit = try ModelFitting.fitGammaGamma(transactions: buyers.map { summary.histories[$0].frequency },
                                                 meanValues: buyers.map { summary.monetary[$0] }, threads: 2)
        let expected = [6.853146075, 5.531567097, 20.55237278]
        for (value, reference) in zip(fit.model.parameterValues, expected) { #expect(Self.relative(value, reference) < 1e-4) }
        #expect(abs(fit.logLikelihood - -234.7152601) < 1e-5)
        #expect(fit.customers == 57)
    }

    @Test("the job's forecast is the same for 1 and 4 threads, and a saved model scores without refitting")
    func deterministicAndSaved() throws {
        let table = try RecommendTestSupport.fixture("transactions.csv")
        let columns = try PurchaseColumns.resolve(.init(), in: table, requireItem: false, requireDate: true)
        let summary = try TransactionSummary(log: PurchaseLog(table: table, columns: columns), calibrationEnd: nil, period: .week)
        func job(_ models: CustomerValueJob.Models, threads: Int) -> CustomerValueJob {
            CustomerValueJob(summary: summary, settings: .init(horizon: 52, discountRate: 0.01),
                             models: models, evaluate: false, segments: nil, threads: threads)
        }
        let one = try job(.fit("bg-nbd"), threads: 1).run()
        let four = try job(.fit("bg-nbd"), threads: 4).run()
        #expect(one.forecast.clv == four.forecast.clv)
        let reread = try CustomerValueModel.decode(Data(try one.model.jsonText().utf8), file: "model.json")
        #expect(reread == one.model)
        let scored = try job(.saved(reread), threads: 2).run()
        #expect(scored.forecast.expectedPurchases == one.forecast.expectedPurchases)
    }

    @Test("a damaged saved model names the field")
    func damagedModel() throws {
        let good = try CustomerValueJob(summary: Self.summary(), settings: .init(horizon: 52), models: .fit("bg-nbd"),
                                        evaluate: false, segments: nil, threads: 1).run().model
        var negative = good
        negative.parameters["a"] = -1
        let error = #expect(throws: SegmentError.self) { _ = try CustomerValueModel.decode(Data(try negative.jsonText().utf8), file: "m.json") }
        #expect(String(describing: error!).contains("'parameters.a' is -1.0"))
        var other = good
        other.kind = "segment-model"
        let kind = #expect(throws: SegmentError.self) { _ = try CustomerValueModel.decode(Data(try other.jsonText().utf8), file: "m.json") }
        #expect(String(describing: kind!).contains("not a customer-value model"))
    }
}
