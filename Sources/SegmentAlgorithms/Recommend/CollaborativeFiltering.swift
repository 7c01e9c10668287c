import SegmentBase

/// User-based collaborative filtering on TF-IDF weighted interactions
/// (Resnick et al., "GroupLens: an open architecture for collaborative
/// filtering of netnews", CSCW 1994; cosine similarity of TF-IDF vectors as in
/// Salton & Buckley 1988).
///
/// For customer u with unit TF-IDF row t_u: the K customers v ≠ u with the
/// largest cosine similarity s_uv = t_u · t_v > 0 (ties by lower index) are
/// found through the inverted index (item → customers), touching only
/// customers who share an item with u — never an n × n matrix. Item i then
/// scores Σ_v s_uv · t_vi, the same as scikit-learn's
/// `NearestNeighbors(metric="cosine")` neighbours followed by `S @ T`.
///
/// - Complexity: per customer O(Σ_{i ∈ u} df_i + Σ_{v ∈ N(u)} |v|).
extension RecommendationEngine {
    /// Ranks items for `customer` into `list`.
    func rankCollaborative(customer: Int, into list: inout TopList, workspace: RecommendationWorkspace) {
        findNeighbours(of: customer, workspace: workspace)
        let neighbours = workspace.neighbours
        weights.withView { rows in
            workspace.itemScores.withUnsafeMutableBufferPointer { scores in
                workspace.itemTouched.withUnsafeMutableBufferPointer { marks in
                    workspace.touchedItems.withUnsafeMutableBufferPointer { touched in
                        workspace.touchedItemCount = Self.accumulateItemScores(
                            neighbours: neighbours.items, similarities: neighbours.scores, rows: rows,
                            scores: scores, marks: marks, touched: touched, touchedCount: workspace.touchedItemCount)
                    }
                }
            }
        }
        workspace.drainItems(into: &list)
    }

    /// Fills `workspace.neighbours` with the K most similar other customers.
    func findNeighbours(of customer: Int, workspace: RecommendationWorkspace) {
        workspace.neighbours.removeAll()
        weights.withView { rows in
            invertedIndex.withView { columns in
                workspace.customerScores.withUnsafeMutableBufferPointer { similarities in
                    workspace.customerTouched.withUnsafeMutableBufferPointer { marks in
                        workspace.touchedCustomers.withUnsafeMutableBufferPointer { touched in
                            let count = Self.accumulateSimilarities(of: customer, rows: rows, columns: columns,
                                                                    similarities: similarities, marks: marks, touched: touched)
                            Self.selectNeighbours(of: customer, similarities: similarities, marks: marks, touched: touched,
                                                  count: count, into: &workspace.neighbours)
                        }
                    }
                }
            }
        }
    }

    /// Adds t_u · t_v into `similarities[v]` for every customer v sharing an
    /// item with u; returns how many entries of `touched` it wrote.
    static func accumulateSimilarities(of customer: Int, rows: SparseMatrixView, columns: SparseMatrixView,
                                       similarities: UnsafeMutableBufferPointer<Double>, marks: UnsafeMutableBufferPointer<Bool>,
                                       touched: UnsafeMutableBufferPointer<Int32>) -> Int {
        var count = 0
        for position in rows.rowStarts[customer]..<rows.rowStarts[customer + 1] {
            let item = Int(rows.columnIndices[position])
            let weight = rows.values[position]
            for entry in columns.rowStarts[item]..<columns.rowStarts[item + 1] {
                scatterAdd(weight * columns.values[entry], at: Int(columns.columnIndices[entry]),
                           into: similarities, marks: marks, touched: touched, count: &count)
            }
        }
        return count
    }

    /// Offers the touched customers (except `customer`) to `neighbours` and
    /// resets their accumulators.
    static func selectNeighbours(of customer: Int, similarities: UnsafeMutableBufferPointer<Double>,
                                 marks: UnsafeMutableBufferPointer<Bool>, touched: UnsafeMutableBufferPointer<Int32>,
                                 count: Int, into neighbours: inout TopList) {
        // Once the list is full, a candidate below its last score cannot
        // enter; checking that first skips the call for most customers.
        var threshold = -Double.infinity
        for index in 0..<count {
            let other = touched[index]
            let similarity = similarities[Int(other)]
            similarities[Int(other)] = 0
            marks[Int(other)] = false
            if similarity < threshold || Int(other) == customer || similarity <= 0 { continue }
            neighbours.offer(other, similarity)
            if neighbours.isFull { threshold = neighbours.scores[neighbours.count - 1] }
        }
    }

    /// Adds s_uv · t_vi into `scores[i]` for every neighbour v; returns the
    /// new number of touched items.
    static func accumulateItemScores(neighbours: [Int32], similarities: [Double], rows: SparseMatrixView,
                                     scores: UnsafeMutableBufferPointer<Double>, marks: UnsafeMutableBufferPointer<Bool>,
                                     touched: UnsafeMutableBufferPointer<Int32>, touchedCount: Int) -> Int {
        var count = touchedCount
        for (neighbour, similarity) in zip(neighbours, similarities) {
            let row = Int(neighbour)
            for position in rows.rowStarts[row]..<rows.rowStarts[row + 1] {
                scatterAdd(similarity * rows.values[position], at: Int(rows.columnIndices[position]),
                           into: scores, marks: marks, touched: touched, count: &count)
            }
        }
        return count
    }

    /// Adds `value` to `accumulator[index]`, recording `index` in `touched`
    /// (and `marks`) the first time so the caller can visit and reset only
    /// the entries it used (a sparse accumulator over a dense buffer). The
    /// mark, not a non-zero sum, says an entry is listed: a zero or negative
    /// weight can leave a sum at zero, and listing it twice would overrun `touched`.
    @inline(__always)
    static func scatterAdd(_ value: Double, at index: Int, into accumulator: UnsafeMutableBufferPointer<Double>,
                           marks: UnsafeMutableBufferPointer<Bool>, touched: UnsafeMutableBufferPointer<Int32>,
                           count: inout Int) {
        if !marks[index] {
            marks[index] = true
            touched[count] = Int32(index)
            count += 1
        }
        accumulator[index] += value
    }
}
