import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite("SparseMatrix")
struct SparseMatrixTests {
    @Test("coordinate entries are summed, sorted, and non-positive sums dropped")
    func buildsFromCoordinates() {
        let matrix = SparseMatrix(rowCount: 3, columnCount: 4,
                                  rows: [2, 0, 0, 2, 1, 1], columns: [1, 3, 0, 1, 2, 2], values: [1, 5, 2, 2, 1, -1])
        #expect(matrix.rowStarts == [0, 2, 2, 3])
        #expect(matrix.columnIndices == [0, 3, 1])
        #expect(matrix.values == [2, 5, 3])
        #expect(matrix.value(row: 0, column: 3) == 5)
        #expect(matrix.value(row: 1, column: 2) == 0)
    }

    @Test("transposing twice gives the matrix back, and entries move to (column, row)")
    func transposes() {
        let matrix = RecommendTestSupport.randomInteractions(customers: 17, items: 9, density: 0.3, seed: 4)
        let transposed = matrix.transposed()
        #expect(transposed.rowCount == 9 && transposed.columnCount == 17)
        for row in 0..<17 { for column in 0..<9 { #expect(transposed.value(row: column, column: row) == matrix.value(row: row, column: column)) } }
        #expect(transposed.transposed() == matrix)
    }
}

@Suite("TFIDF")
struct TFIDFTests {
    @Test("sublinear tf, smoothed idf and unit rows, computed by hand")
    func handComputed() {
        // counts: row 0 = [1, 2], row 1 = [0, 1]; n = 2 documents.
        let counts = SparseMatrix(rowCount: 2, columnCount: 2, rows: [0, 0, 1], columns: [0, 1, 1], values: [1, 2, 1])
        let idf0 = log(3.0 / 2.0) + 1, idf1 = log(3.0 / 3.0) + 1
        #expect(TFIDF.inverseDocumentFrequencies(of: counts) == [idf0, idf1])
        let a = 1 * idf0, b = (1 + log(2.0)) * idf1
        let norm = (a * a + b * b).squareRoot()
        let weighted = TFIDF.weighted(counts)
        #expect(abs(weighted.values[0] - a / norm) < 1e-15)
        #expect(abs(weighted.values[1] - b / norm) < 1e-15)
        #expect(weighted.values[2] == 1)
    }
}

@Suite("IdentifierOrder")
struct IdentifierOrderTests {
    @Test("numeric ids by value, leading zeros kept and after the plain form, text after numbers")
    func orders() {
        #expect(IdentifierOrder.sorted(["10", "B", "007", "7", "A1", "2"]) == ["2", "7", "007", "10", "A1", "B"])
    }
}
