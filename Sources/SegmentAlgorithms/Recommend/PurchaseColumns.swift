import SegmentBase

/// Which columns of a purchase log hold the customer, item, quantity, date,
/// amount and unit price.
public struct PurchaseColumns: Sendable, Equatable {
    /// The customer id column.
    public var customer: Int
    /// The item (product) id column; `nil` only for analyses that need no
    /// items (RFM).
    public var item: Int?
    /// The quantity column; without it every purchase counts once.
    public var quantity: Int?
    /// The purchase date column.
    public var date: Int?
    /// The amount (revenue) column.
    public var amount: Int?
    /// The unit price column (monetary value = quantity × price).
    public var price: Int?

    /// Creates a column assignment.
    public init(customer: Int, item: Int?, quantity: Int? = nil, date: Int? = nil, amount: Int? = nil, price: Int? = nil) {
        self.customer = customer
        self.item = item
        self.quantity = quantity
        self.date = date
        self.amount = amount
        self.price = price
    }

    /// Column names given on the command line; `nil` means detect by name.
    public struct Names: Sendable {
        /// `--customer-column`.
        public var customer: String?
        /// `--item-column`.
        public var item: String?
        /// `--quantity-column`.
        public var quantity: String?
        /// `--date-column`.
        public var date: String?
        /// `--amount-column`.
        public var amount: String?
        /// `--price-column`.
        public var price: String?
        /// Names with every column detected.
        public init(customer: String? = nil, item: String? = nil, quantity: String? = nil,
                    date: String? = nil, amount: String? = nil, price: String? = nil) {
            self.customer = customer
            self.item = item
            self.quantity = quantity
            self.date = date
            self.amount = amount
            self.price = price
        }
    }

    /// Resolves the columns of `table`: a given name must exist; an omitted
    /// one is detected by name — customer: a column whose name contains
    /// `customer`, `user` or `client` (an id-like one first); item:
    /// `product`, `item` or `sku`; quantity: `quantity` or `qty`; date: a
    /// column of type date (one named `date` first); amount: `amount`,
    /// `revenue`, `total`, `spend`, `sales`, `dollar` or `value`; price: `price`.
    ///
    /// - Parameters:
    ///   - requireItem: whether a missing item column is an error.
    ///   - requireDate: whether the dates are needed: then, when no column
    ///     holds dates, one named like `date` is taken anyway, so that reading
    ///     it names the first cell that is not a date.
    ///   - parameterSuffix: how the caller's parameters for the columns end
    ///     (`customer-column`, …); `rfm` names them without (`customer`, …).
    /// - Throws: `ParameterError` when the customer or a
    ///   required item column is neither given nor found, listing the columns.
    public static func resolve(_ names: Names, in table: Table, requireItem: Bool = true, requireDate: Bool = false,
                               parameterSuffix: String = "-column") throws -> PurchaseColumns {
        let columnNames = table.columnNames
        func pick(_ given: String?, parameter: String, _ detect: () -> Int?) throws -> Int? {
            if let given { return try ColumnSelection.resolve(given, in: columnNames, parameter: parameter) }
            return detect()
        }
        func required(_ index: Int?, what: String, parameter: String) throws -> Int {
            guard let index else {
                throw ParameterError(parameter, "\(table.source): cannot tell which column holds the \(what); name it with \(parameter: parameter) (columns: \(columnNames.joined(separator: ", ")))")
            }
            return index
        }
        let customer = try required(
            pick(names.customer, parameter: "customer" + parameterSuffix) { detect(["customer", "user", "client"], in: columnNames, preferId: true) },
            what: "customer id", parameter: "customer" + parameterSuffix)
        var item = try pick(names.item, parameter: "item" + parameterSuffix) { detect(["product", "item", "sku"], in: columnNames, preferId: true) }
        if requireItem { item = try required(item, what: "item id", parameter: "item" + parameterSuffix) }
        let quantity = try pick(names.quantity, parameter: "quantity" + parameterSuffix) { detect(["quantity", "qty"], in: columnNames) }
        let date = try pick(names.date, parameter: "date" + parameterSuffix) {
            let dates = table.columns.indices.filter { table.columns[$0].type == .date }
            return dates.first { columnNames[$0].lowercased().contains("date") } ?? dates.first
                ?? (requireDate ? detect(["date"], in: columnNames) : nil)
        }
        let amount = try pick(names.amount, parameter: "amount" + parameterSuffix) { detect(["amount", "revenue", "total", "spend", "sales", "dollar", "value"], in: columnNames) }
        let price = try pick(names.price, parameter: "price" + parameterSuffix) { detect(["price"], in: columnNames) }
        return PurchaseColumns(customer: customer, item: item, quantity: quantity, date: date, amount: amount, price: price)
    }

    /// The columns of a log read for customer value or RFM (no item): the
    /// customer and date, and the money as an amount column, or as quantity
    /// × price when a price is named without an amount (or only those are
    /// found); a price without a quantity is dropped.
    /// - Throws: as `resolve`.
    public static func resolveMoney(_ names: Names, in table: Table) throws -> PurchaseColumns {
        var columns = try resolve(names, in: table, requireItem: false, requireDate: true, parameterSuffix: "")
        columns.item = nil
        // An explicit price (with a quantity) wins over a detected amount.
        if names.price != nil && names.amount == nil { columns.amount = nil }
        if columns.amount == nil && columns.quantity == nil { columns.price = nil }
        return columns
    }

    /// The first column whose lower-cased name contains one of `keywords`,
    /// preferring one whose last word is `id` when `preferId` is set.
    public static func detect(_ keywords: [String], in columnNames: [String], preferId: Bool = false) -> Int? {
        let matches = columnNames.indices.filter { index in
            let name = columnNames[index].lowercased()
            return keywords.contains { name.contains($0) }
        }
        if preferId, let id = matches.first(where: { ColumnSelection.hasIdAsLastWord(columnNames[$0]) }) { return id }
        return matches.first
    }
}
