import SegmentBase

extension StreamingFeatureFit {
    /// What one pass learns about one feature column.
    private struct ColumnValues {
        /// Present numeric values and their running mean.
        var present = 0
        var mean = 0.0
        /// A uniform sample of present numeric values (median and mode fills).
        var sample: ReservoirSample
        /// Categories in order of first appearance, and their counts.
        var categories: [String] = []
        var counts: [String: Int] = [:]
    }

    /// Completes `columns` from one pass over the file: every category of a
    /// categorical column and the fill value of each column under
    /// `--missing mean|median|mode` (mean exact; median and mode from a
    /// reservoir sample of `quantileSampleRows` values per column).
    /// - Throws: `ParameterError` when a categorical column
    ///   has more than `TypeInference.maximumCategories` distinct values,
    ///   `SegmentError.invalidData` for text in a numeric column.
    static func completeColumns(_ columns: [FeatureColumn], records: some RecordPasses, inputColumns: [Int],
                                missing: MissingPolicy, seed: UInt64) throws -> [FeatureColumn] {
        let root = SplitMix64(seed: seed).derived(stream: 3)
        let fills = missing == .mean || missing == .median || missing == .mode
        var values = columns.indices.map { index in
            ColumnValues(sample: ReservoirSample(capacity: missing == .median || missing == .mode ? quantileSampleRows : 0,
                                                 width: 1, rng: root.derived(stream: UInt64(index))))
        }
        try records.forEachRecord(stage: "pass 1: categories and fill values") { record in
            for (position, column) in columns.enumerated() {
                let cell = record.field(inputColumns[position])
                let trimmed = CellParsing.trimmingSpaces(cell)
                if trimmed.isEmpty || CellParsing.isMissingToken(trimmed) { continue }
                if column.encoding == .numeric {
                    guard fills else { continue }
                    guard var number = CellParsing.parseNumber(trimmed)?.value else {
                        throw SegmentError.invalidData(file: records.name, line: record.line, column: column.name,
                                                       message: ParameterText(FeatureCellError.notANumber.message(for: String(decoding: cell, as: UTF8.self))))
                    }
                    values[position].present += 1
                    values[position].mean += (number - values[position].mean) / Double(values[position].present)
                    values[position].sample.offer(&number)
                } else {
                    let category = String(decoding: cell, as: UTF8.self)
                    if let count = values[position].counts[category] {
                        values[position].counts[category] = count + 1
                    } else {
                        guard values[position].categories.count < TypeInference.maximumCategories else {
                            throw ParameterError("features", "column '\(column.name)' has more than \(TypeInference.maximumCategories) distinct values (line \(record.line) adds '\(category)'), too many to one-hot encode; remove it from \(parameter: "features")")
                        }
                        values[position].categories.append(category)
                        values[position].counts[category] = 1
                    }
                }
            }
            return true
        }
        return zip(columns, values).map { column, learned in
            var column = column
            if column.encoding == .numeric {
                guard fills, learned.present > 0 else { return column }
                switch missing {
                case .mean: column.numericFill = learned.mean
                case .median: column.numericFill = Statistics.median(learned.sample.storage)
                default: column.numericFill = Statistics.mode(learned.sample.storage)
                }
            } else {
                column.encoding = .oneHot(categories: learned.categories.sorted())
                let counts = learned.counts
                if fills {
                    column.categoryFill = learned.categories.enumerated().max { a, b in
                        counts[a.element]! != counts[b.element]! ? counts[a.element]! < counts[b.element]! : a.offset > b.offset
                    }?.element
                }
            }
            return column
        }
    }
}
