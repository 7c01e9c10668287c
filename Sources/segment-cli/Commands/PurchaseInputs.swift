import SegmentCore

/// Reading the purchase log, segment labels and catalog named by
/// `segment recommend` and `segment rfm`.
enum PurchaseInputs {
    /// The purchase log and the catalog.
    static let fileOptions: [OptionSpec] = [
        OptionSpec("purchases", value: "FILE", help: "Purchase log (CSV/TSV): customer id, item id, optional quantity and date."),
        OptionSpec("catalog", value: "FILE", help: "Product catalog: an item id column, text columns (name, description), categorical columns (category, brand) and numeric columns (price)."),
        OptionSpec("catalog-id", value: "COL", help: "Item id column of --catalog.", defaultDescription: "the purchases' item column name, else a product/item/sku id column"),
    ]

    /// Options naming purchase columns (detected by name when omitted).
    static let columnOptions: [OptionSpec] = [
        OptionSpec("customer-column", value: "COL", help: "Customer id column of the purchases.", defaultDescription: "a column named like customer/user/client (id-like first)"),
        OptionSpec("item-column", value: "COL", help: "Item id column of the purchases.", defaultDescription: "a column named like product/item/sku (id-like first)"),
        OptionSpec("quantity-column", value: "COL", help: "Quantity column; without one every purchase counts 1.", defaultDescription: "a column named like quantity/qty"),
        OptionSpec("date-column", value: "COL", help: "Purchase date column (YYYY-MM-DD).", defaultDescription: "the first date column"),
    ]

    /// The purchase log with the catalog aligned to its items.
    struct Loaded {
        /// The purchase table as read.
        var purchases: Table
        /// The purchases by customer and item.
        var log: PurchaseLog
        /// Catalog vectors aligned with `log.items`, when `--catalog` was given.
        var itemVectors: SparseMatrix?
    }

    /// Reads `--purchases` (at `path`) and `--catalog`; customers of
    /// `segments` and items of the catalog are known even without purchases.
    static func load(purchases path: String, segments: CustomerSegments?, arguments: ParsedArguments) throws -> Loaded {
        let purchaseTable = try loadTable(path: path, arguments: arguments)
        let columns = try PurchaseColumns.resolve(columnNames(arguments), in: purchaseTable)
        let catalog = try arguments.string("catalog").map {
            try loadCatalog(path: $0, itemColumnName: purchaseTable.columnNames[columns.item!], arguments: arguments)
        }
        let log = try PurchaseLog(table: purchaseTable, columns: columns,
                                  extraCustomers: segments?.customerIds ?? [], extraItems: catalog?.itemIds ?? [])
        return Loaded(purchases: purchaseTable, log: log, itemVectors: catalog?.aligned(to: log.items))
    }

    /// Loads the delimited file at `path` (`-` for standard input).
    static func loadTable(path: String, arguments: ParsedArguments) throws -> Table {
        let source = InputSource(argument: path)
        let dialect = try CSVDialect.forSource(source, delimiter: nil, hasHeader: true)
        let table = try TableLoader.load(source, dialect: dialect, threads: try CommonOptions.threads(arguments))
        guard table.rowCount > 0 else {
            throw SegmentError.invalidInput("\(table.source): the file has a header but no data rows")
        }
        return table
    }

    /// The purchase column names given on the command line.
    static func columnNames(_ arguments: ParsedArguments) -> PurchaseColumns.Names {
        PurchaseColumns.Names(
            customer: arguments.string("customer-column"), item: arguments.string("item-column"),
            quantity: arguments.string("quantity-column"), date: arguments.string("date-column"))
    }

    /// Reads `--segments FILE|-` with its id (`--id`) and label
    /// (`--label-column`) columns.
    static func loadSegments(path: String, arguments: ParsedArguments) throws -> CustomerSegments {
        let table = try loadTable(path: path, arguments: arguments)
        guard let idColumn = try ColumnSelection.idColumn(in: table, explicit: arguments.string("id")) else {
            throw ParameterError("id", "\(table.source): no unique id column found in the segments; name it with \(parameter: "id") (columns: \(table.columnNames.joined(separator: ", ")))")
        }
        let labelColumn = try ColumnSelection.resolve(arguments.string("label-column") ?? "segment", in: table.columnNames, parameter: "label-column")
        return try CustomerSegments(table: table, idColumn: idColumn, labelColumn: labelColumn)
    }

    /// Reads `--catalog FILE`: the id column (`--catalog-id`, else one named
    /// like the purchases' item column or product/item/sku id, else the id
    /// column), text columns as text, categorical columns one-hot, numeric
    /// columns as numbers.
    static func loadCatalog(path: String, itemColumnName: String, arguments: ParsedArguments) throws -> CatalogFeatures {
        let table = try loadTable(path: path, arguments: arguments)
        let idColumn: Int
        if let explicit = arguments.string("catalog-id") {
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
