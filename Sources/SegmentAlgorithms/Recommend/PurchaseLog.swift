import SegmentBase

/// Purchases read from a table: one entry per row, with customer and item
/// ids kept as strings (`"007"` stays `"007"`) and mapped to dense indices.
public struct PurchaseLog: Sendable {
    /// Every customer id, in `IdentifierOrder`; row `r` of an interaction
    /// matrix is `customers[r]`.
    public let customers: [String]
    /// Every item id, in `IdentifierOrder`; column `c` is `items[c]`. Empty
    /// when the columns name no item column.
    public let items: [String]
    /// The customer index of each purchase.
    public let customerOfPurchase: [Int32]
    /// The item index of each purchase (empty without an item column).
    public let itemOfPurchase: [Int32]
    /// The quantity of each purchase (1 without a quantity column).
    public let quantities: [Double]
    /// The day of each purchase (days since 1970-01-01, fractional with a
    /// time of day), or `nil` without a date column.
    public let days: [Double]?
    /// The monetary value of each purchase (amount, or quantity × price), or
    /// `nil` when neither is known.
    public let amounts: [Double]?
    /// The input line of each purchase, for messages.
    public let lines: [Int]

    /// Number of purchases.
    public var count: Int { customerOfPurchase.count }

    /// Reads the purchases of `table`.
    ///
    /// - Parameters:
    ///   - extraCustomers: customers to include even without purchases
    ///     (for example every labelled customer, for cold start).
    ///   - extraItems: items to include even if never bought (the catalog).
    /// - Throws: `SegmentError.invalidData` naming line and column for an
    ///   empty id, a quantity, amount or price that is not a number, or a
    ///   date that is not in the column's format (`YYYY-MM-DD` with an optional
    ///   time, or `YYYYMMDD`, as its first row); `SegmentError.invalidInput` when one
    ///   customer's quantities of one item add up past the largest number.
    public init(table: Table, columns: PurchaseColumns, extraCustomers: [String] = [], extraItems: [String] = []) throws {
        let rowCount = table.rowCount
        var customerIds: [String] = [], itemIds: [String] = []
        customerIds.reserveCapacity(rowCount)
        itemIds.reserveCapacity(rowCount)
        var quantities = [Double](repeating: 1, count: rowCount)
        var days: [Double]? = columns.date == nil ? nil : [Double](repeating: 0, count: rowCount)
        let hasMoney = columns.amount != nil || columns.price != nil
        var amounts: [Double]? = hasMoney ? [Double](repeating: 0, count: rowCount) : nil
        var dateFormat: PurchaseDateFormat?
        try table.withCells { cells in
            func fail(_ row: Int, _ column: Int, _ message: ParameterText) -> SegmentError {
                .invalidData(file: table.source, line: table.rowLines[row], column: table.columnNames[column], message: message)
            }
            func id(_ row: Int, _ column: Int) throws -> String {
                let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                if CellParsing.isMissing(cell) { throw fail(row, column, Self.missingIdMessage) }
                return String(decoding: cell, as: UTF8.self)
            }
            func number(_ row: Int, _ column: Int, _ what: String) throws -> Double {
                let cell = cells.cell(row: row, column: column)
                guard let parsed = CellParsing.parseNumber(CellParsing.trimmingSpaces(cell)), parsed.value.isFinite else {
                    throw fail(row, column, "expected a number (\(what)), found \(MessageText.quoted(cell))")
                }
                return parsed.value
            }
            for row in 0..<rowCount {
                customerIds.append(try id(row, columns.customer))
                if let column = columns.item { itemIds.append(try id(row, column)) }
                if let column = columns.quantity { quantities[row] = try number(row, column, "quantity") }
                if let column = columns.date {
                    let cell = CellParsing.trimmingSpaces(cells.cell(row: row, column: column))
                    if dateFormat == nil { dateFormat = PurchaseDateFormat.detect(cell) }
                    guard let format = dateFormat, let seconds = format.parse(cell) else {
                        throw fail(row, column, Self.dateMessage(format: dateFormat, cell: cell))
                    }
                    days![row] = seconds / 86_400
                }
                if let column = columns.amount {
                    amounts![row] = try number(row, column, "amount")
                } else if let column = columns.price {
                    amounts![row] = try number(row, column, "price") * quantities[row]
                }
            }
        }
        let (customers, customerIndex) = Self.index(customerIds, extra: extraCustomers)
        let (items, itemIndex) = columns.item == nil ? ([], [:]) : Self.index(itemIds, extra: extraItems)
        self.customers = customers
        self.items = items
        self.customerOfPurchase = customerIds.map { customerIndex[$0]! }
        self.itemOfPurchase = itemIds.map { itemIndex[$0]! }
        self.quantities = quantities
        self.days = days
        self.amounts = amounts
        self.lines = table.rowLines
        if let (customer, item) = firstOverflowingInteraction() {
            throw SegmentError.invalidInput("\(table.source): customer '\(customer)' bought item '\(item)' in quantities that add up to more than the largest representable number (about 1.8e308); divide the quantity column by a large constant")
        }
    }

    /// The message for an empty or missing id cell.
    public static let missingIdMessage: ParameterText = "expected an id, found an empty or missing value; remove the row or fill in the id"

    /// The message for a date `cell` not in the column's `format` (`nil`:
    /// the column's first cell was neither format).
    public static func dateMessage(format: PurchaseDateFormat?, cell: UnsafeBufferPointer<UInt8>) -> ParameterText {
        "expected a date \(format?.rawValue ?? "YYYY-MM-DD or YYYYMMDD"), found \(MessageText.quoted(cell))"
    }

    /// The distinct ids of `ids` and `extra` in `IdentifierOrder`, with each
    /// id's position.
    static func index(_ ids: [String], extra: [String]) -> ([String], [String: Int32]) {
        var seen = Set<String>(minimumCapacity: extra.count + 1024)
        for id in ids { seen.insert(id) }
        for id in extra { seen.insert(id) }
        let sorted = IdentifierOrder.sorted(seen)
        var position = [String: Int32](minimumCapacity: sorted.count)
        for (index, id) in sorted.enumerated() { position[id] = Int32(index) }
        return (sorted, position)
    }

    /// The customer and item of a pair whose summed quantity is not finite,
    /// if any. (When the sum of all positive quantities is finite, none is.)
    func firstOverflowingInteraction() -> (customer: String, item: String)? {
        guard !items.isEmpty, !quantities.reduce(0, { $0 + max($1, 0) }).isFinite else { return nil }
        var sums: [Int64: Double] = [:]
        for purchase in 0..<count {
            let key = Int64(customerOfPurchase[purchase]) << 32 | Int64(itemOfPurchase[purchase])
            let sum = sums[key, default: 0] + quantities[purchase]
            if !sum.isFinite { return (customers[Int(customerOfPurchase[purchase])], items[Int(itemOfPurchase[purchase])]) }
            sums[key] = sum
        }
        return nil
    }

    /// The customer × item matrix of the purchases whose `include` flag is
    /// set (all when `nil`): summed quantities, or with `.count` the number
    /// of purchases. Entries whose sum is not positive (returns) are dropped.
    public func interactions(weight: InteractionWeight = .quantity, include: [Bool]? = nil) -> SparseMatrix {
        var rows: [Int32] = [], columns: [Int32] = [], values: [Double] = []
        rows.reserveCapacity(count)
        columns.reserveCapacity(count)
        values.reserveCapacity(count)
        for purchase in 0..<count where include?[purchase] ?? true {
            rows.append(customerOfPurchase[purchase])
            columns.append(itemOfPurchase[purchase])
            values.append(weight == .quantity ? quantities[purchase] : 1)
        }
        return SparseMatrix(rowCount: customers.count, columnCount: items.count, rows: rows, columns: columns, values: values)
    }
}

/// What an interaction matrix entry counts.
public enum InteractionWeight: String, Sendable, CaseIterable {
    /// The summed quantity bought.
    case quantity
    /// The number of purchases.
    case count
}
