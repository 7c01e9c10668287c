import Foundation
import SegmentCore

/// `segment rfm`: recency, frequency and monetary value per customer, their
/// 1–5 scores and a named RFM segment.
enum RFMCommand: SegmentCommand {
    static let spec = CommandSpec(
        name: "rfm",
        abstract: "Recency, frequency and monetary value per customer, 1-5 scores and a named RFM segment.",
        discussion: """
        recency_days is the number of days from the customer's last purchase to --as-of (default: the day after the latest purchase); frequency the number of purchases (rows); monetary the sum of --amount, or of --quantity x --price.
        Scores are quintiles as pandas' qcut(x.rank(method="first"), 5): customers are ranked by the value, ties in customer order, and split into five equal groups; 5 is the most recent, most frequent or highest spending fifth.
        Segments from the R and F scores: champions (R 5, F 4-5), loyal customers (R 3-4, F 4-5), potential loyalists (R 4-5, F 2-3), new customers (R 5, F 1), promising (R 4, F 1), need attention (R 3, F 3), about to sleep (R 3, F 1-2), can't lose them (R 1-2, F 5), at risk (R 1-2, F 3-4), hibernating (R 1-2, F 1-2), lost (R 1, F 1).
        The output's id column keeps the customer column's name, so it pipes into segment cluster.
        """,
        usage: "segment rfm [options] [FILE]",
        options: Options.optionSpecs,
        examples: [
            "segment rfm Fixtures/purchases.csv",
            "segment rfm --customer customer_id --date date --amount amount --as-of 2026-01-01 Fixtures/purchases.csv",
            "segment rfm Fixtures/purchases.csv | segment cluster --features recency_days,frequency,monetary --k 4",
        ]
    )

    /// The options of `rfm`.
    struct Options: CommandOptions {
        var positionals: [String] = []
        var input = InputOptions()
        /// The purchase columns by name; `nil` ones are detected.
        var columns = PurchaseColumns.Names()
        /// The reference date for recency, in days since 1970; `nil` takes the day after the latest purchase.
        var asOf: Double?
        var output = OutputOptions(format: .csv)
        var runtime = RuntimeOptions()
        var quiet: Bool { runtime.quiet }

        static let declarations: [Option<Options>] = InputOptions.declarations.lifted(to: \.input)
            + PurchaseInputs.moneyColumnOptions.lifted(to: \.columns)
            + [
                .value("as-of", \.asOf, "DATE", help: "Reference date (YYYY-MM-DD) for recency.", defaultDescription: "the day after the latest purchase") { text, option in
                    var text = text
                    guard let seconds = text.withUTF8({ CellParsing.parseDate($0) }) else {
                        throw UsageError(message: "\(option.longSpelling) expects a date YYYY-MM-DD, got '\(text)'")
                    }
                    return seconds / 86_400
                },
            ]
            + OutputOptions.declarations(formats: [.csv, .tsv, .json, .jsonl, .table]).lifted(to: \.output)
            + RuntimeOptions.declarations(seed: false).lifted(to: \.runtime)
    }

    static func run(_ options: Options, console: Console) throws {
        let names = options.columns
        if (names.price != nil) != (names.quantity != nil) && names.amount == nil {
            throw UsageError(message: "--quantity and --price go together (monetary = quantity x price); or give --amount")
        }
        let table = try options.input.loadTable(options.positionals, threads: options.runtime.threadCount)
        guard table.rowCount > 0 else {
            throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows")
        }
        let columns = try PurchaseColumns.resolveMoney(names, in: table)
        let log = try PurchaseLog(table: table, columns: columns)
        let rfm = try RFMTable(log: log, asOf: options.asOf)
        warnAboutFutureDates(log: log, asOf: options.asOf, console: console)
        let sink = try options.output.open()
        let writer = try RecordWriter(sink: sink, format: options.output.format(report: false),
                                      header: [table.columnNames[columns.customer], "recency_days", "frequency", "monetary",
                                               "r_score", "f_score", "m_score", "rfm_segment"])
        for index in rfm.customers.indices {
            try writer.write([.text(rfm.customers[index]), .number(rfm.recencyDays[index]), .integer(rfm.frequency[index]),
                              .number(roundedToCents(rfm.monetary[index])), .integer(rfm.recencyScores[index]),
                              .integer(rfm.frequencyScores[index]), .integer(rfm.monetaryScores[index]), .text(rfm.segments[index])])
        }
        try writer.finish()
        try sink.commit()
        console.info("rfm: \(rfm.customers.count) customers")
    }

    /// Warns when `--as-of` or a purchase lies after today (UTC): recency is
    /// then counted from a day that has not come yet, usually a typo.
    static func warnAboutFutureDates(log: PurchaseLog, asOf: Double?, console: Console) {
        let today = (Date().timeIntervalSince1970 / 86_400).rounded(.down)
        let formattedToday = CellParsing.formatDate(seconds: today * 86_400)
        if let asOf, asOf > today + 1 {
            console.warning("--as-of \(CellParsing.formatDate(seconds: asOf * 86_400)) is in the future (today is \(formattedToday)); recency counts the days to it")
        }
        if let days = log.days, let latest = days.max(), latest >= today + 1 {
            let count = days.count { $0 >= today + 1 }
            console.warning("\(count) purchase\(count == 1 ? " is" : "s are") dated after today (\(formattedToday)), the latest \(CellParsing.formatDate(seconds: latest * 86_400)); check the date column")
        }
    }

    /// `value` rounded to two decimals; values too large to have a fraction are kept.
    static func roundedToCents(_ value: Double) -> Double {
        abs(value) < 1e15 ? (value * 100).rounded() / 100 : value
    }
}
