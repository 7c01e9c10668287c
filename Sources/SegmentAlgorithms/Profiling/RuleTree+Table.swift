import SegmentBase

extension RuleTree {
    /// A tree fitted to a labelled table, and the rows it left out.
    public struct Fitted: Sendable {
        /// The tree, over the rows that have a segment and every feature.
        public var tree: RuleTree
        /// The segment labels as written (`tree`'s segment i is `keys[i]`).
        public var keys: [String]
        /// Labelled rows left out for a missing feature value.
        public var incompleteRows: Int
    }

    /// Fits a tree predicting `labels` from the original values of the
    /// `numeric` and `categorical` columns of `table`, on the rows with a
    /// segment and no missing feature value.
    /// - Throws: `SegmentError.invalidInput` when fewer than two segments
    ///   have rows to tell apart.
    public static func fit(table: Table, labels: SegmentLabels, numeric: [Int], categorical: [Int],
                           maximumLeaves: Int, maximumDepth: Int) throws -> Fitted {
        let categories = categorical.map { ProfileBuilder.categoryValues(table: table, column: $0) }
        let labelled = labels.rows.indices.filter { labels.rows[$0] >= 0 }
        let complete = labelled.filter { row in
            numeric.allSatisfy { !table.columns[$0].values![row].isNaN } && categories.allSatisfy { $0.rowValue[row] >= 0 }
        }
        let segmentsPresent = Set(complete.map { labels.rows[$0] })
        guard segmentsPresent.count >= 2 else {
            throw SegmentError.invalidInput("\(table.source): \(labels.origin) has \(segmentsPresent.count == 1 ? "one segment" : "no segment") among the rows with every feature; explaining segments needs at least two")
        }
        let features = numeric.map { column in
            Feature.numeric(name: table.columnNames[column], values: complete.map { table.columns[column].values![$0] })
        } + zip(categorical, categories).map { column, values in
            Feature.categorical(name: table.columnNames[column], codes: complete.map { values.rowValue[$0] }, categories: values.values)
        }
        let tree = RuleTree(features: features, labels: complete.map { labels.rows[$0] }, segmentCount: labels.keys.count,
                            maximumLeaves: maximumLeaves, maximumDepth: maximumDepth)
        return Fitted(tree: tree, keys: labels.keys, incompleteRows: labelled.count - complete.count)
    }
}
