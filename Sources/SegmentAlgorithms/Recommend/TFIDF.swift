import Foundation
import SegmentBase

/// TF-IDF weighting of a count matrix whose rows are documents and columns
/// terms (Salton & Buckley, "Term-weighting approaches in automatic text
/// retrieval", Information Processing & Management 24(5), 1988).
///
/// The variant is scikit-learn's `TfidfTransformer(sublinear_tf=True)`:
/// tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1 with n documents and
/// df the number of documents containing the term, and every row scaled to
/// unit Euclidean length.
public enum TFIDF {
    /// The smoothed inverse document frequency of each column.
    public static func inverseDocumentFrequencies(of counts: SparseMatrix) -> [Double] {
        var documentFrequency = [Int](repeating: 0, count: counts.columnCount)
        for column in counts.columnIndices { documentFrequency[Int(column)] += 1 }
        let documents = Double(counts.rowCount)
        return documentFrequency.map { log((1 + documents) / (1 + Double($0))) + 1 }
    }

    /// The TF-IDF weighted, row-normalised copy of `counts` (positive entries).
    ///
    /// - Complexity: O(entries + columns).
    public static func weighted(_ counts: SparseMatrix) -> SparseMatrix {
        let idf = inverseDocumentFrequencies(of: counts)
        var result = counts
        for row in 0..<counts.rowCount {
            let range = counts.entries(ofRow: row)
            var squares = 0.0
            for position in range {
                let weight = (1 + log(counts.values[position])) * idf[Int(counts.columnIndices[position])]
                result.values[position] = weight
                squares += weight * weight
            }
            guard squares > 0 else { continue }
            let scale = 1 / squares.squareRoot()
            for position in range { result.values[position] *= scale }
        }
        return result
    }
}
