import SegmentCore

/// `segment clv`: what each customer is expected to buy and be worth (BG/NBD
/// or Pareto/NBD with Gamma-Gamma), per customer or per segment, with an
/// optional holdout check and saved models.
enum CLVCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "clv",
        abstract: "Customer lifetime value from a purchase log: p_alive, expected purchases and value (BG/NBD or Pareto/NBD with Gamma-Gamma).",
        discussion: """
        Summarises each customer's purchases up to --calibration-end: purchases on the same day are one transaction (amounts summed); frequency = repeat transactions (distinct purchase days - 1); recency = periods from the first to the last transaction; T = periods from the first transaction to the calibration end (days / 7 for weeks, fractional); monetary = the mean amount of the repeat transactions. Customers whose first purchase is later are left out (the count is printed).
        Fits by maximum likelihood the BG/NBD model (Fader, Hardie & Lee 2005) or, with --model pareto-nbd, the Pareto/NBD model (Schmittlein et al. 1987) for the number of transactions, and the Gamma-Gamma model (Fader & Hardie 2013) for the spend per transaction of the repeat buyers. --model FILE uses a model saved with --model-out instead of fitting.
        Output per customer: p_alive (the probability the customer is still active), expected_purchases (transactions expected in the next --horizon periods), expected_value (the Gamma-Gamma expected spend per transaction; the population mean for a customer without repeat purchases) and clv = margin x expected_value x sum over periods i = 1..horizon of (E[N(i)] - E[N(i-1)]) / (1 + discount-rate)^i, the expected transactions of each period discounted to today (with --discount-rate 0: margin x expected_value x expected_purchases).
        --evaluate fits on the calibration window and prints, per number of calibration repeat transactions (0..6, 7+), the transactions customers made after --calibration-end against the model's expectation for that holdout, with totals and the mean absolute error per customer on standard error.
        --segments FILE|- (e.g. the output of segment cluster) adds each customer's segment; --by-segment prints instead one row per segment: customers, share, total_clv, clv_share, mean_clv, mean_p_alive, expected_purchases and at_risk_share (the share with p_alive below 0.5).
        Dates: YYYY-MM-DD (with an optional time) or YYYYMMDD, as the column's first row.
        """,
        usage: "segment clv [options] PURCHASES",
        options: Options.optionSpecs,
        examples: [
            "segment clv Fixtures/transactions.csv",
            "segment clv Fixtures/transactions.csv --calibration-end 2025-09-30 --evaluate",
            "segment cluster Fixtures/mall_customers.csv --k 5 | segment clv Fixtures/transactions.csv --segments - --by-segment",
            "segment clv purchases.csv --model-out clv.json && segment clv new-purchases.csv --model clv.json",
        ],
        positionalsAreInputFiles: true
    )

    /// The options of `clv`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        /// The purchase columns by name; `nil` ones are detected.
        var columns = PurchaseColumns.Names()
        /// A model to fit (`bg-nbd`, `pareto-nbd`) or a saved model's file.
        var model = BetaGeometricNBD.name
        /// The time unit; `nil`: weeks, or a saved model's.
        var period: ValuePeriod?
        /// The calibration window's last day, in days since 1970.
        var calibrationEnd: Double?
        /// Periods ahead; `nil`: a year in the period's units.
        var horizon: Int?
        /// Discount rate per period.
        var discountRate = 0.0
        /// Profit margin.
        var margin = 1.0
        /// Customer labels, if any.
        var segments: String?
        /// The customer id column of the segments; `nil` detects it.
        var id: String?
        /// The label column of the segments.
        var labelColumn = "segment"
        /// The segment options given (they need `--segments`).
        var segmentOptionsGiven: [String] = []
        /// Print the per-segment table instead of the customers.
        var bySegment = false
        /// Where to save the fitted model.
        var modelOut: String?
        /// Print the holdout comparison instead of the customers.
        var evaluate = false
        var output = OutputOptions()
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + PurchaseInputs.moneyColumnOptions.lifted(to: \.columns)
            + [
                .value("model", \.model, "NAME|FILE", help: "The purchase-count model to fit, bg-nbd or pareto-nbd; or a model saved with --model-out, used without refitting.").readsFile(),
                .value("period", \.period, "UNIT", help: "Time unit of recency, T and the horizon (a month is 30.4375 days).", defaultDescription: "week, or the saved model's"),
                .value("calibration-end", \.calibrationEnd, "DATE", help: "Fit on the purchases up to and including DATE (YYYY-MM-DD or YYYYMMDD); with --evaluate the later ones are the holdout.", defaultDescription: "the latest purchase") { text, option in
                    var text = text
                    guard let seconds = text.withUTF8({ CellParsing.parseDate($0) ?? CellParsing.parseCompactDate($0) }) else {
                        throw UsageError(message: "\(option.longSpelling) expects a date YYYY-MM-DD or YYYYMMDD, got '\(text)'")
                    }
                    return (seconds / 86_400).rounded(.down)
                },
                .int("horizon", \.horizon, in: 1...100_000, help: "Periods ahead for expected purchases and clv.", defaultDescription: "52 weeks, 364 days or 12 months"),
                .number("discount-rate", \.discountRate, "R", in: 0...10, help: "Discount rate per period for clv (0: undiscounted)."),
                .number("margin", \.margin, "M", in: 0...1_000, help: "Profit margin applied to the value."),
                .value("segments", \.segments, "FILE|-", help: "Customer labels, e.g. the output of segment cluster; - reads standard input. Adds a segment column.").readsFile(),
                Option.value("id", \.id, "COL", help: "Customer id column of --segments.", defaultDescription: "first unique column whose last word is 'id'").noted(in: \.segmentOptionsGiven),
                Option.value("label-column", \.labelColumn, "NAME", help: "Label column of --segments.").noted(in: \.segmentOptionsGiven),
                Option.flag("by-segment", \.bySegment, help: "Print one row per segment (with --segments) instead of one per customer.").noted(in: \.segmentOptionsGiven),
                .value("model-out", \.modelOut, "FILE", help: "Save the fitted models as JSON, for --model FILE.").writesFile(),
                .flag("evaluate", \.evaluate, help: "Print actual vs predicted transactions after --calibration-end per calibration frequency, instead of the customers."),
            ]
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table, .markdown], defaultDescription: "csv; table for --evaluate and --by-segment on a terminal").lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        if options.segments == nil, let given = options.segmentOptionsGiven.first {
            throw UsageError(message: "\(given) applies to --segments; add --segments FILE (for example the output of segment cluster)")
        }
        if options.evaluate && options.bySegment {
            throw UsageError(message: "--evaluate and --by-segment each print their own table; give one of them")
        }
        if options.evaluate && options.segments != nil {
            throw UsageError(message: "--segments labels the per-customer or per-segment output, which --evaluate replaces by its holdout table; give one of them")
        }
        if options.evaluate {
            let defaults = Options()
            let unused = [(options.horizon != nil, "--horizon"), (options.discountRate != defaults.discountRate, "--discount-rate"),
                          (options.margin != defaults.margin, "--margin")].filter(\.0).map(\.1)
            if !unused.isEmpty {
                console.warning("\(unused.joined(separator: ", ")) \(unused.count == 1 ? "does" : "do") not apply to --evaluate, which forecasts the holdout's length and prints no value")
            }
        }
        if options.evaluate && options.calibrationEnd == nil {
            throw UsageError(message: "--evaluate needs --calibration-end DATE: the purchases after it are the holdout the forecast is compared with")
        }
        let names = options.columns
        if (names.price != nil) != (names.quantity != nil) && names.amount == nil {
            throw UsageError(message: "--quantity and --price go together (amount = quantity x price); or give --amount")
        }
        let models = try chooseModels(options)
        let threads = options.runtime.threadCount
        let source = try InputOptions.source(options.positionals)
        let period = options.period ?? models.period
        let read = try PurchaseSummaryReader(source: source, dialect: try options.input.dialect(for: source), names: names,
                                             calibrationEnd: options.calibrationEnd.map { Int($0) }, period: period, threads: threads).read()
        if case .file = source, !read.streamed {
            console.info("clv: \(source.displayName): a customer's purchases are not in date order, so the log was read whole rather than streamed")
        }
        let segments = try options.segments.map {
            try PurchaseInputs.loadSegments(path: $0, id: options.id, labelColumn: options.labelColumn, threads: threads)
        }
        let job = CustomerValueJob(summary: read.summary,
                                   settings: CustomerValueForecast.Settings(horizon: options.horizon ?? period.defaultHorizon,
                                                                            discountRate: options.discountRate, margin: options.margin),
                                   models: models.models, evaluate: options.evaluate, segments: segments, threads: threads)
        let result = try job.run()
        let outputs = OutputBatch()
        let sink = try outputs.open(options.output.destination)
        if let path = options.modelOut {
            try outputs.open(OutputDestination(argument: path)).write(try result.model.jsonText())
        }
        if let holdout = result.holdout {
            try CLVOutput.writeHoldout(holdout, to: sink, format: options.output.format(report: true))
        } else if options.bySegment, let values = result.segmentValues {
            try CLVOutput.writeSegments(values, to: sink, format: options.output.format(report: true))
        } else {
            try CLVOutput.writeCustomers(result, customerColumn: read.customerColumn, labels: segments?.labels, to: sink, format: options.output.format(report: false))
        }
        try outputs.commitAll()
        CLVOutput.report(result, segments: segments, console: console)
    }

    /// The models to fit or the saved one, and the period they imply.
    private static func chooseModels(_ options: Options) throws -> (models: CustomerValueJob.Models, period: ValuePeriod) {
        if CustomerValueModel.knownModels.contains(options.model) {
            return (.fit(options.model), options.period ?? .week)
        }
        let saved: CustomerValueModel
        do {
            saved = try CustomerValueModel.load(path: options.model)
        } catch SegmentError.cannotOpen(_, let reason) {
            throw UsageError(message: "--model expects bg-nbd, pareto-nbd or a model file saved with --model-out; '\(options.model)' is neither (\(reason))")
        }
        if let period = options.period, period != saved.valuePeriod {
            throw UsageError(message: "--period \(period.rawValue) differs from the saved model's period (\(saved.period)), whose parameters are in \(saved.period)s; leave --period out")
        }
        return (.saved(saved), saved.valuePeriod)
    }
}

extension ValuePeriod: OptionChoice {}
