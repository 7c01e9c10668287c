import Dispatch
import Testing
@testable import SegmentCore

/// Memory handed to the background release queue is really destroyed
/// there, in order, and discarding pages never touches what is still used.
@Suite struct BackgroundReleaseTests {
    /// Signals when it is destroyed.
    final class Tracked: @unchecked Sendable {
        let destroyed: DispatchSemaphore
        let payload = [Double](repeating: 1, count: 1 << 20)
        init(_ destroyed: DispatchSemaphore) { self.destroyed = destroyed }
        deinit { destroyed.signal() }
    }

    @Test func releaseDestroysTheValue() {
        let destroyed = DispatchSemaphore(value: 0)
        BackgroundRelease.release(Tracked(destroyed))
        #expect(destroyed.wait(timeout: .now() + 10) == .success)
    }

    /// A table discarded while another copy of it is in use: the copy's
    /// cells and parsed values are unchanged, whether the discard runs here
    /// or on the release queue (which runs releases in order, so the
    /// `Tracked` value released after it is destroyed after it).
    @Test func discardingLeavesOtherCopiesIntact() throws {
        let table = try TestFiles.mall()
        let cells = (0..<table.rowCount).map { table.string(row: $0, column: 1) }
        let income = Array(table.columns[3].values!)
        Table.discard(table)
        #expect((0..<table.rowCount).map { table.string(row: $0, column: 1) } == cells)
        #expect(Array(table.columns[3].values!) == income)

        let destroyed = DispatchSemaphore(value: 0)
        BackgroundRelease.discard(table)
        BackgroundRelease.release(Tracked(destroyed))
        #expect(destroyed.wait(timeout: .now() + 10) == .success)
        #expect((0..<table.rowCount).map { table.string(row: $0, column: 1) } == cells)
        #expect(Array(table.columns[3].values!) == income)
    }

    /// A table without its parsed values keeps its cells, names and types,
    /// writes the same output values (numeric cells read from their text,
    /// missing ones included), and leaves the values of another holder
    /// readable.
    @Test func droppingParsedValuesKeepsTheText() throws {
        let csv = "id,name,score,when\n1,ann,2.5,2024-01-02\n2,bob,,2024-02-03\n3,cy, NA ,\n4,dee,-7,2024-03-04\n"
        let full = try TestFiles.table(csv)
        let expected = (0..<full.rowCount).map { row in (0..<full.columnCount).map { full.outputValue(row: row, column: $0) } }
        let held = full.columns[2].values!
        let heldScores = held.map(\.bitPattern)
        let stripped = try TestFiles.table(csv).droppingParsedValues()
        #expect(stripped.columnNames == full.columnNames)
        #expect(stripped.columns.map(\.type) == full.columns.map(\.type))
        #expect(stripped.columns.allSatisfy { $0.values == nil })
        #expect((0..<stripped.rowCount).map { row in (0..<stripped.columnCount).map { stripped.outputValue(row: row, column: $0) } } == expected)
        #expect(expected[2][2] == .missing && expected[1][2] == .missing && expected[3][2] == .numberText("-7"))

        let alsoHeld = full.droppingParsedValues()
        #expect(alsoHeld.columns[2].values == nil)
        #expect(held.map(\.bitPattern) == heldScores, "values another holder reads stay")
    }

    /// Only whole pages inside the buffer are discarded (they read as zero
    /// on Linux); the bytes around them keep their values.
    @Test func discardPagesKeepsTheBytesAroundWholePages() {
        let page = 4096, count = 5 * page
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: page)
        defer { raw.deallocate() }
        raw.initializeMemory(as: UInt8.self, repeating: 0xAB)
        // From 100 bytes in to 100 bytes before the end: pages 1 to 3 are whole.
        MemoryPolicy.discardPages(UnsafeMutableRawBufferPointer(rebasing: raw[100..<(count - 100)]))
        #expect(raw[0..<page].allSatisfy { $0 == 0xAB })
        #expect(raw[(4 * page)...].allSatisfy { $0 == 0xAB })
        #if os(Linux)
        #expect(raw[page..<(4 * page)].allSatisfy { $0 == 0 })
        #endif
    }
}
