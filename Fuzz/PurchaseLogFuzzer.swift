// libFuzzer entry point for the purchase-log reader (`PurchaseColumns.resolve`
// and `PurchaseLog.init`) and the RFM table over it (`RFMTable`), compiled
// together with the SegmentBase, SegmentIO and SegmentAlgorithms sources by
// Fuzz/run.sh (swiftc -sanitize=fuzzer,address).
// Each input is a purchase log read as `segment recommend --purchases` and
// `segment rfm` read a small file: the streaming CSV reader into a `Table`
// (`TableLoader`, with type inference), then the columns detected by name
// (customer, item, quantity, date, amount, price) — and, a second time,
// named explicitly from the header — and the log built from them.
// Every input must either be read or fail with a CSVError, SegmentError or
// ParameterError; a log that is read must be consistent (an index for every
// purchase, within its id lists, which are distinct and in IdentifierOrder;
// finite quantities and days) and an RFM table's scores within 1…5.
// Anything else — a crash, an out-of-bounds access, a trap, another error,
// an inconsistent log — is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPurchaseLog(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for dialect in [CSVDialect.csv, CSVDialect.tsv] {
        let table: Table
        do {
            let reader = CSVReader(bytes: bytes, name: "<fuzz>", dialect: dialect)
            table = TableLoader.table(from: try TableLoader.readRecords(reader, dialect: dialect, limit: nil),
                                      source: "<fuzz>", threads: 1)
        } catch is CSVError {
            continue
        } catch {
            fatalError("unexpected error: \(error)")
        }
        // PurchaseInputs.loadTable and RFMCommand.run refuse a table without rows.
        guard table.rowCount > 0 else { continue }
        let names = table.columnNames
        let explicit = PurchaseColumns.Names(customer: names[0], item: names[1 % names.count],
                                             quantity: names.count > 2 ? names[2] : nil,
                                             date: names.count > 3 ? names[3] : nil,
                                             amount: names.count > 4 ? names[4] : nil,
                                             price: names.count > 5 ? names[5] : nil)
        for given in [PurchaseColumns.Names(), explicit] {
            expectingLibraryErrors { try recommendLog(table, names: given) }
            expectingLibraryErrors { try rfmTable(table, names: given) }
        }
    }
    return 0
}

/// Runs `body`, letting through only the library's own errors.
func expectingLibraryErrors(_ body: () throws -> Void) {
    do {
        try body()
    } catch is CSVError {
    } catch is SegmentError {
    } catch is ParameterError {
    } catch {
        fatalError("unexpected error: \(error)")
    }
}

/// The log as `segment recommend` reads it (`PurchaseInputs.load`), with a
/// segment-file customer and a catalog item that may or may not be in it.
func recommendLog(_ table: Table, names: PurchaseColumns.Names) throws {
    let columns = try PurchaseColumns.resolve(names, in: table)
    let log = try PurchaseLog(table: table, columns: columns, extraCustomers: ["7", "c1"], extraItems: ["P001"])
    check(log, table: table, columns: columns)
    for weight in InteractionWeight.allCases {
        let matrix = log.interactions(weight: weight)
        guard matrix.rowCount == log.customers.count, matrix.columnCount == log.items.count else {
            fatalError("interaction matrix \(matrix.rowCount) × \(matrix.columnCount) for \(log.customers.count) customers and \(log.items.count) items")
        }
    }
}

/// The log and RFM table as `segment rfm` computes them (`RFMCommand.run`).
func rfmTable(_ table: Table, names: PurchaseColumns.Names) throws {
    var columns = try PurchaseColumns.resolve(names, in: table, requireItem: false)
    columns.item = nil
    if names.price != nil && names.amount == nil { columns.amount = nil }
    if columns.amount == nil && columns.quantity == nil { columns.price = nil }
    let log = try PurchaseLog(table: table, columns: columns)
    check(log, table: table, columns: columns)
    let rfm = try RFMTable(log: log, asOf: nil)
    let count = rfm.customers.count
    guard count == Set(log.customerOfPurchase).count,
          [rfm.recencyDays.count, rfm.frequency.count, rfm.monetary.count, rfm.recencyScores.count,
           rfm.frequencyScores.count, rfm.monetaryScores.count, rfm.segments.count].allSatisfy({ $0 == count }) else {
        fatalError("RFM table of \(count) customers with columns of other lengths")
    }
    guard (rfm.recencyScores + rfm.frequencyScores + rfm.monetaryScores).allSatisfy({ (1...5).contains($0) }) else {
        fatalError("an RFM score outside 1...5")
    }
    guard rfm.frequency.reduce(0, +) == log.count, rfm.recencyDays.allSatisfy({ $0 > 0 && $0.isFinite }) else {
        fatalError("RFM frequencies do not add up to the purchases, or a recency is not positive and finite")
    }
}

/// The invariants of a log read from `table`.
func check(_ log: PurchaseLog, table: Table, columns: PurchaseColumns) {
    let rows = table.rowCount
    guard log.count == rows, log.quantities.count == rows, log.lines.count == rows,
          log.days?.count ?? rows == rows, log.amounts?.count ?? rows == rows,
          log.itemOfPurchase.count == (columns.item == nil ? 0 : rows) else {
        fatalError("a log of \(log.count) purchases from \(rows) rows")
    }
    guard log.customerOfPurchase.allSatisfy({ (0..<log.customers.count).contains(Int($0)) }),
          log.itemOfPurchase.allSatisfy({ (0..<log.items.count).contains(Int($0)) }) else {
        fatalError("a purchase's customer or item index is out of range")
    }
    for ids in [log.customers, log.items] {
        guard zip(ids, ids.dropFirst()).allSatisfy({ IdentifierOrder.areInIncreasingOrder($0, $1) }) else {
            fatalError("ids not distinct or not in IdentifierOrder: \(ids)")
        }
    }
    guard log.quantities.allSatisfy(\.isFinite), log.days?.allSatisfy(\.isFinite) ?? true else {
        fatalError("a quantity or day is not finite")
    }
}
