import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Column types inferred from whole columns.
@Suite struct TypeInferenceTests {
    @Test func mallColumns() throws {
        let table = try TestFiles.mall()
        #expect(table.rowCount == 200)
        #expect(table.columns.map { $0.type } == [.integer, .categorical, .integer, .integer, .integer])
        #expect(table.columns[1].distinctCount == 2)
        #expect(try ColumnSelection.idColumn(in: table, explicit: nil) == 0)
        #expect(ColumnSelection.defaultFeatures(in: table, idColumn: 0) == [2, 3, 4])
    }

    @Test func numbersDatesTextAndMissing() throws {
        var csv = "n,d,t,c,m\n"
        for row in 0..<10 {
            csv += "\(Double(row) / 2),2024-01-\(10 + row),name\(row),\(row % 2 == 0 ? "a" : "b"),\(row == 3 ? "NA" : String(row))\n"
        }
        let table = try TestFiles.table(csv)
        #expect(table.columns.map { $0.type } == [.number, .date, .text, .categorical, .integer])
        #expect(table.columns[4].missingCount == 1)
        #expect(table.columns[4].values![3].isNaN)
        #expect(table.columns[0].values![5] == 2.5)
    }

    @Test func mostlyNumericColumnRemembersItsFirstBadCell() throws {
        let table = try TestFiles.table("x\n1\n2\nabc\n4\n")
        let column = table.columns[0]
        #expect(column.looksNumericWithErrors)
        #expect(column.firstNonNumericRow == 2)
    }

    @Test func headerOnlyAndNoHeader() throws {
        let headerOnly = try TestFiles.table("a,b\n")
        #expect(headerOnly.rowCount == 0 && headerOnly.columnNames == ["a", "b"])
        let path = try TestFiles.temporary("1,2\n3,4\n")
        let noHeader = try TableLoader.load(.file(path), dialect: CSVDialect(delimiter: 0x2C, hasHeader: false))
        #expect(noHeader.columnNames == ["col1", "col2"] && noHeader.rowCount == 2)
    }

    @Test func emptyInputAndDuplicateNamesAreErrors() throws {
        let empty = try TestFiles.temporary("")
        #expect(throws: CSVError.empty(file: empty)) { try TableLoader.load(.file(empty), dialect: .csv) }
        let duplicate = try TestFiles.temporary("a,b,a\n1,2,3\n")
        #expect(throws: CSVError.duplicateColumn(file: duplicate, name: "a", firstColumn: 1, secondColumn: 3)) {
            try TableLoader.load(.file(duplicate), dialect: .csv)
        }
    }

    @Test func idColumnWords() {
        for name in ["id", "customer_id", "Customer ID", "CustomerID", "customerId", "ID"] {
            #expect(ColumnSelection.hasIdAsLastWord(name), "\(name)")
        }
        for name in ["acid", "paid", "idea", "identity", "Gender"] {
            #expect(!ColumnSelection.hasIdAsLastWord(name), "\(name)")
        }
    }

    @Test func idColumnMustBeUnique() throws {
        let table = try TestFiles.table("group_id,user_id,x\n1,10,5\n1,11,6\n")
        #expect(try ColumnSelection.idColumn(in: table, explicit: nil) == 1)
        // Increasing ids are recognised without hashing; unordered unique
        // ids still count, and a repeat anywhere rules a column out.
        let shuffled = try TestFiles.table("a_id,b_id,c_id,x\n1,3,5,0\n2,1,5,0\n3,2,7,0\n")
        #expect(try ColumnSelection.idColumn(in: shuffled, explicit: nil) == 0)
        #expect(ColumnSelection.isUniqueAndComplete(column: 1, in: shuffled))
        #expect(!ColumnSelection.isUniqueAndComplete(column: 2, in: shuffled))
        #expect([1, 2, 3.5].withUnsafeBufferPointer { ColumnSelection.isStrictlyIncreasing($0) })
        #expect(![1, 2, 2].withUnsafeBufferPointer { ColumnSelection.isStrictlyIncreasing($0) })
        #expect(![1, .nan, 3].withUnsafeBufferPointer { ColumnSelection.isStrictlyIncreasing($0) })
    }
}
