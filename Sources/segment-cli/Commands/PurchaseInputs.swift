import SegmentCore

/// Reading the purchase log, segment labels and catalog named by
/// `segment recommend` and `segment rfm`.
enum PurchaseInputs {
    /// The purchase log, the catalog and the purchase columns.
    struct Options: Sendable {
        /// The purchase log.
        var purchases: String?
        /// The product catalog.
        var catalog: String?
        /// The catalog's item id column; `nil` detects it.
        var catalogId: String?
        /// The purchase columns by name; `nil` ones are detected.
        var columns = PurchaseColumns.Names()

        /// The purchase log and the catalog.
        static let files: [Option<Options>] = [
            .value("purchases", \.purchases, "FILE", help: "Purchase log (CSV/TSV): customer id, item id, optional quantity and date.").readsFile(),
            .value("catalog", \.catalog, "FILE", help: "Product catalog: an item id column, text columns (name, description), categorical columns (category, brand) and numeric columns (price).").readsFile(),
            .value("catalog-id", \.catalogId, "COL", help: "Item id column of --catalog.", defaultDescription: "the purchases' item column name, else a product/item/sku id column"),
        ]

        /// Options naming purchase columns (detected by name when omitted).
        static let columnOptions: [Option<Options>] = [
            .value("customer-column", \.columns.customer, "COL", help: "Customer id column of the purchases.", defaultDescription: "a column named like customer/user/client (id-like first)"),
            .value("item-column", \.columns.item, "COL", help: "Item id column of the purchases.", defaultDescription: "a column named like product/item/sku (id-like first)"),
            .value("quantity-column", \.columns.quantity, "COL", help: "Quantity column; without one every purchase counts 1.", defaultDescription: "a column named like quantity/qty"),
            .value("date-column", \.columns.date, "COL", help: "Purchase date column (YYYY-MM-DD, YYYYMMDD or an ISO date-time).", defaultDescription: "the first date column"),
        ]
    }

    /// `--customer`, `--date`, `--amount`, `--quantity` and `--price`: the
    /// columns of a log read for the money spent (`rfm`, `clv`).
    static let moneyColumnOptions: [Option<PurchaseColumns.Names>] = [
        .value("customer", \.customer, "COL", help: "Customer id column.", defaultDescription: "a column named like customer/user/client (id-like first)"),
        .value("date", \.date, "COL", help: "Purchase date column (YYYY-MM-DD, YYYYMMDD or an ISO date-time).", defaultDescription: "the first date column, else one named like date"),
        .value("amount", \.amount, "COL", help: "Money spent per purchase.", defaultDescription: "a column named like amount/revenue/total/spend/sales/dollar/value"),
        .value("quantity", \.quantity, "COL", help: "Quantity column, with --price instead of --amount."),
        .value("price", \.price, "COL", help: "Unit price column, with --quantity instead of --amount."),
    ]

    /// The purchase log with the catalog aligned to its items.
    struct Loaded {
        /// The purchase table as read.
        var purchases: Table
        /// The purchases by customer and item.
        var log: PurchaseLog
        /// Catalog vectors aligned with `log.items`, when `--catalog` was given.
        var itemVectors: SparseMatrix?
        /// The rows whose quantity is 0 or less, which count as no purchase.
        var uncountedRows: Int

        /// The warning for rows that count as no purchase, if there are any.
        var uncountedWarning: String? {
            guard uncountedRows > 0 else { return nil }
            return "\(purchases.source): \(uncountedRows) of \(log.count) rows have a quantity of 0 or less and count as no purchase"
        }
    }

    /// Reads `--purchases` (at `path`) and `--catalog`; customers of
    /// `segments` and items of the catalog are known even without purchases.
    /// `needsDates` when the dates are used (a holdout of the latest
    /// purchases): a date column that does not parse is then reported by its cell.
    static func load(purchases path: String, segments: CustomerSegments?, options: Options, needsDates: Bool, threads: Int) throws -> Loaded {
        let purchaseTable = try loadTable(path: path, threads: threads)
        let columns = try PurchaseColumns.resolve(options.columns, in: purchaseTable, requireDate: needsDates)
        let catalog = try options.catalog.map {
            try loadCatalog(path: $0, itemColumnName: purchaseTable.columnNames[columns.item!], idColumn: options.catalogId, threads: threads)
        }
        let log = try PurchaseLog(table: purchaseTable, columns: columns,
                                  extraCustomers: segments?.customerIds ?? [], extraItems: catalog?.itemIds ?? [])
        let uncounted = log.quantities.count { !($0 > 0) }
        if uncounted == log.count, let quantity = columns.quantity {
            throw SegmentError.invalidInput("\(purchaseTable.source): every row has a quantity of 0 or less in column '\(purchaseTable.columnNames[quantity])', so there is no purchase to learn from; check the file, or name the right column with --quantity-column")
        }
        if let catalog, let path = options.catalog,
           Set(catalog.itemIds).isDisjoint(with: Set(log.itemOfPurchase).map { log.items[Int($0)] }) {
            throw SegmentError.invalidInput("\(path): none of the catalog's \(catalog.itemIds.count) ids is an item of the purchases (column '\(purchaseTable.columnNames[columns.item!])'); check that it is the catalog of these purchases, or name its id column with --catalog-id")
        }
        return Loaded(purchases: purchaseTable, log: log, itemVectors: catalog?.aligned(to: log.items), uncountedRows: uncounted)
    }

    /// Loads the delimited file at `path` (`-` for standard input).
    static func loadTable(path: String, threads: Int) throws -> Table {
        let source = InputSource(argument: path)
        let dialect = try CSVDialect.forSource(source, delimiter: nil, hasHeader: true)
        let table = try TableLoader.load(source, dialect: dialect, threads: threads)
        guard table.rowCount > 0 else {
            throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows")
        }
        return table
    }

    /// Reads `--segments FILE|-` with its id (`id`, `nil` detects it) and
    /// label (`labelColumn`) columns.
    static func loadSegments(path: String, id: String?, labelColumn: String, threads: Int) throws -> CustomerSegments {
        let table = try loadTable(path: path, threads: threads)
        guard let idColumn = try ColumnSelection.idColumn(in: table, explicit: id) else {
            throw ParameterError("id", "\(table.source): no unique id column found in the segments; name it with \(parameter: "id") (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let label = try ColumnSelection.resolve(labelColumn, in: table.columnNames, parameter: "label-column")
        return try CustomerSegments(table: table, idColumn: idColumn, labelColumn: label)
    }

    /// Reads `--catalog FILE`: the id column (`explicitId`, else one named
    /// like the purchases' item column or product/item/sku id, else the id
    /// column), text columns as text, categorical columns one-hot, numeric
    /// columns as numbers.
    static func loadCatalog(path: String, itemColumnName: String, idColumn explicitId: String?, threads: Int) throws -> CatalogFeatures {
        let table = try loadTable(path: path, threads: threads)
        let idColumn: Int
        if let explicit = explicitId {
            idColumn = try ColumnSelection.resolve(explicit, in: table.columnNames, parameter: "catalog-id")
        } else if let same = try table.columnIndex(named: itemColumnName)
                    ?? PurchaseColumns.detect(["product", "item", "sku"], in: table.columnNames, preferId: true)
                    ?? ColumnSelection.idColumn(in: table, explicit: nil) {
            idColumn = same
        } else {
            throw ParameterError("catalog-id", "\(table.source): cannot tell which catalog column holds the item id; name it with \(parameter: "catalog-id") (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let others = table.columns.indices.filter { $0 != idColumn }
        return try CatalogFeatures(
            table: table, idColumn: idColumn,
            textColumns: others.filter { table.columns[$0].type == .text },
            categoricalColumns: others.filter { table.columns[$0].type == .categorical },
            numericColumns: others.filter { table.columns[$0].type.isNumeric })
    }
}
