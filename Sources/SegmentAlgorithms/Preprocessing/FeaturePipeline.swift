import SegmentBase

/// How a pipeline encodes categorical columns.
public enum CategoryEncoding: Sendable {
    /// One 0/1 indicator per category (distance-based numeric algorithms).
    case oneHot
    /// One feature holding the category's code (k-prototypes, k-medoids).
    case codes
}

/// Feature values ready for an algorithm, with the table rows they came from.
public struct FeatureMatrix: Sendable {
    /// One row per used table row, one column per output feature, scaled.
    public var matrix: Matrix
    /// For each matrix row, its row index in the table. Rows left out by
    /// `--missing drop` are absent here.
    public var tableRows: [Int]
}

/// Turns table columns into a scaled numeric feature matrix: column choice,
/// one-hot encoding of categorical columns, missing-value policy and scaling.
///
/// A fitted pipeline is `Codable`: saved inside a model, it applies exactly
/// the same transformation to new rows (`segment assign`).
public struct FeaturePipeline: Sendable, Codable, Equatable {
    /// The message for a missing value while the pipeline is being fitted.
    public static let fittingMissingHint: ParameterText =
        "missing value; fill it in, or choose how to treat missing values with \(parameter: "missing") drop|mean|median|mode"
    /// The message for a missing value in rows labelled with a saved model,
    /// whose policy was fixed when it was made.
    public static let modelMissingHint: ParameterText =
        "missing value, which the model treats as an error (it was made without \(parameter: "missing")); fill it in, or re-create the model with `segment cluster \(parameter: "missing") drop|mean|median|mode \(parameter: "model") FILE`"

    /// The input columns, in output order.
    public var columns: [FeatureColumn]
    /// The missing-value policy used at fit time and for new rows.
    public var missingPolicy: MissingPolicy
    /// The fitted scaler over all output features (indicators unscaled).
    public var scaler: Scaler

    /// For each output feature, whether it holds category codes.
    public var categoricalFeatures: [Bool] {
        columns.flatMap { column -> [Bool] in
            if case .category = column.encoding { return [true] }
            return [Bool](repeating: false, count: column.encoding.width)
        }
    }

    /// The number of categories of each category-code feature, in order.
    public var categoryLevels: [Int] {
        columns.compactMap { column in
            if case .category(let categories) = column.encoding { return categories.count }
            return nil
        }
    }

    /// Names of the output features.
    public var outputNames: [String] { columns.flatMap(\.outputNames) }
    /// Number of output features.
    public var outputWidth: Int { columns.reduce(0) { $0 + $1.encoding.width } }

    /// Fits the pipeline to `featureColumns` of `table` and returns it with
    /// the transformed features.
    /// - Throws: `SegmentError.invalidData` for text in a numeric column or a
    ///   missing value under `--missing error`; `ParameterError`
    ///   for a column that cannot be a feature (dates, free text, all missing).
    /// - Parameter threads: cores used to build and scale the matrix.
    /// - Parameter categories: how categorical columns are encoded.
    public static func fit(table: Table, featureColumns: [Int], missing: MissingPolicy, scale: ScaleMethod,
                           categories: CategoryEncoding = .oneHot,
                           threads: Int = availableCores) throws -> (FeaturePipeline, FeatureMatrix) {
        guard !featureColumns.isEmpty else {
            throw ParameterError("features", "no feature columns: the file has no numeric column besides the id; name the features with \(parameter: "features")")
        }
        var columns: [FeatureColumn] = []
        for index in featureColumns {
            columns.append(try describeColumn(index, of: table, missing: missing, categories: categories))
        }
        var pipeline = FeaturePipeline(columns: columns, missingPolicy: missing, scaler: Scaler(method: .none, center: [], scale: []))
        pipeline.scaler = Scaler(method: .none, center: .init(repeating: 0, count: pipeline.outputWidth), scale: .init(repeating: 1, count: pipeline.outputWidth))
        var features = try pipeline.transform(table, columnIndices: featureColumns, threads: threads)
        var scaled: [Bool] = []
        for column in columns { scaled += [Bool](repeating: column.encoding == .numeric, count: column.encoding.width) }
        pipeline.scaler = try Scaler.fit(scale, to: features.matrix, scaled: scaled, names: pipeline.outputNames, threads: threads)
        pipeline.scaler.transform(&features.matrix, threads: threads)
        return (pipeline, features)
    }

    /// How column `index` is encoded, with its fill value under imputation.
    static func describeColumn(_ index: Int, of table: Table, missing: MissingPolicy,
                               categories: CategoryEncoding) throws -> FeatureColumn {
        let info = table.columns[index]
        let name = info.name
        if info.presentCount == 0 {
            throw ParameterError("features", "column '\(name)' has no values; remove it from \(parameter: "features")")
        }
        if info.looksNumericWithErrors, let row = info.firstNonNumericRow {
            throw SegmentError.invalidData(file: table.source, line: table.rowLines[row], column: name,
                                           message: ParameterText(FeatureCellError.notANumber.message(for: table.string(row: row, column: index))))
        }
        switch info.type {
        case .integer, .number:
            var column = FeatureColumn(name: name, encoding: .numeric)
            if missing.imputes {
                let present = info.values!.filter { !$0.isNaN }
                switch missing {
                case .mean: column.numericFill = Statistics.mean(present)
                case .median: column.numericFill = Statistics.median(present)
                default: column.numericFill = Statistics.mode(present)
                }
            }
            return column
        case .categorical:
            let byFrequency = (info.valueFrequencies ?? []).map { table.string(row: $0.row, column: index) }
            if categories == .codes && byFrequency.count < 2 {
                throw ParameterError("features", "column '\(name)' has a single value (\(MessageText.quoted(byFrequency.first ?? ""))), so it cannot tell segments apart; remove it from \(parameter: "features")")
            }
            let encoding = categories == .codes ? FeatureEncoding.category(categories: byFrequency.sorted())
                : .oneHot(categories: byFrequency.sorted())
            var column = FeatureColumn(name: name, encoding: encoding)
            if missing.imputes { column.categoryFill = byFrequency.first }
            return column
        case .date:
            throw ParameterError("features", "column '\(name)' holds dates, which cannot be a feature; derive a number from it first (for example recency in days with `segment rfm`)")
        case .text where categories == .codes:
            throw ParameterError("features", "column '\(name)' has \(info.distinctCount ?? 0) distinct values, like an id or free text, not categories (at most \(TypeInference.maximumCategories), each repeated); remove it from \(parameter: "features")")
        case .text:
            throw ParameterError("features", "column '\(name)' is free text (\(info.distinctCount ?? 0) distinct values; at most \(TypeInference.maximumCategories) categories can be one-hot encoded); remove it from \(parameter: "features")")
        }
    }

    /// Applies the fitted pipeline to another table, finding its columns by
    /// exact name.
    /// - Parameter threads: cores used to build and scale the matrix.
    /// - Throws: `SegmentError.invalidData` naming a model column the table
    ///   lacks, a bad cell, or a missing value under `--missing error`.
    public func transform(_ table: Table, threads: Int = availableCores) throws -> FeatureMatrix {
        var indices: [Int] = []
        for column in columns {
            guard let index = table.columnIndex(named: column.name) else {
                throw SegmentError.invalidData(file: table.source, line: 1, column: nil,
                                               message: "the model needs column '\(column.name)', which the input lacks (columns: \(table.columnNames.joined(separator: ", ")))")
            }
            indices.append(index)
        }
        var features = try transform(table, columnIndices: indices, threads: threads)
        scaler.transform(&features.matrix, threads: threads)
        return features
    }

    /// Encodes the rows of `table` (unscaled), honouring the missing policy.
    ///
    /// When every feature is numeric and type inference parsed every value
    /// (none missing), the matrix is those values interleaved in parallel
    /// (`interleaved`). Otherwise a row whose values are all parsed is copied
    /// from them and any other row goes through `encodeRow`, which handles
    /// missing values and errors.
    func transform(_ table: Table, columnIndices: [Int], threads: Int) throws -> FeatureMatrix {
        let width = outputWidth
        let parsed: [ColumnValues] = columns.allSatisfy({ $0.encoding == .numeric })
            ? columnIndices.compactMap { table.columns[$0].values } : []
        if parsed.count == width, let complete = Self.interleaved(parsed, rowCount: table.rowCount, threads: threads) {
            return complete
        }
        var storage = [Double](repeating: 0, count: table.rowCount * width)
        var tableRows: [Int] = []
        tableRows.reserveCapacity(table.rowCount)
        try table.withCells { cells in
            try storage.withUnsafeMutableBufferPointer { output in
                for row in 0..<table.rowCount {
                    let target = output.baseAddress! + tableRows.count * width
                    if parsed.count == width && Self.copyParsed(parsed, row: row, into: target) {
                        tableRows.append(row)
                        continue
                    }
                    let complete = try encodeRow(into: target, source: table.source, line: table.rowLines[row]) {
                        cells.cell(row: row, column: columnIndices[$0])
                    }
                    if complete { tableRows.append(row) }
                }
            }
        }
        storage.removeLast((table.rowCount - tableRows.count) * width)
        return FeatureMatrix(matrix: Matrix(rows: tableRows.count, columns: width, storage: storage), tableRows: tableRows)
    }

    /// Rows interleaved per parallel chunk of `interleaved`: 256 KiB of an
    /// 8-feature matrix, so a chunk's rows stay in cache while each column
    /// is written into them.
    static let interleaveChunkRows = 4096

    /// The matrix whose column `j` is `parsed[j]`, built in parallel chunks of
    /// rows; `nil` when some value is missing (NaN) or there are no rows.
    static func interleaved(_ parsed: [ColumnValues], rowCount: Int, threads: Int) -> FeatureMatrix? {
        let width = parsed.count
        guard rowCount > 0, width > 0 else { return nil }
        var complete = false
        let storage = [Double](unsafeUninitializedCapacity: rowCount * width) { buffer, count in
            // Each chunk writes only its own rows.
            let target = UncheckedSendable(buffer.baseAddress!)
            let chunks = ParallelChunks(count: rowCount, chunkSize: interleaveChunkRows, threads: threads)
            complete = chunks.mapChunks { _, rows in
                var present = true
                for (feature, values) in parsed.enumerated() {
                    values.withUnsafeBufferPointer { values in
                        var output = target.value + rows.lowerBound * width + feature
                        for row in rows {
                            output.pointee = values[row]
                            present = present && !values[row].isNaN
                            output += width
                        }
                    }
                }
                return present
            }.allSatisfy { $0 }
            count = rowCount * width
        }
        guard complete else { return nil }
        return FeatureMatrix(matrix: Matrix(rows: rowCount, columns: width, storage: storage), tableRows: Array(0..<rowCount))
    }

    /// Copies row `row` of already parsed numeric columns into `output`.
    /// - Returns: false, leaving the row to `encodeRow`, when a value is missing.
    @inline(__always)
    static func copyParsed(_ parsed: [ColumnValues], row: Int, into output: UnsafeMutablePointer<Double>) -> Bool {
        for (feature, values) in parsed.enumerated() {
            let value = values[row]
            if value.isNaN { return false }
            output[feature] = value
        }
        return true
    }

    /// Encodes one row (unscaled) into `output`, reading input column `k`'s
    /// cell through `cell(k)`.
    /// - Returns: false when a value is missing and the policy is `drop`.
    /// - Parameter missingHint: the message for a missing value that the
    ///   policy makes an error (`fittingMissingHint` while fitting,
    ///   `modelMissingHint` when a saved model labels new rows).
    /// - Throws: `SegmentError.invalidData` with file, line and column.
    @inlinable
    public func encodeRow(into output: UnsafeMutablePointer<Double>, source: String, line: Int,
                          missingHint: ParameterText = FeaturePipeline.fittingMissingHint,
                          cell: (Int) -> UnsafeBufferPointer<UInt8>) throws -> Bool {
        var offset = 0, missing = 0
        for (position, column) in columns.enumerated() {
            let value = cell(position)
            let present: Bool
            do {
                present = try column.encode(value, into: output + offset)
            } catch {
                throw SegmentError.invalidData(file: source, line: line, column: column.name,
                                               message: ParameterText(error.message(for: String(decoding: value, as: UTF8.self))))
            }
            if !present {
                if missingPolicy == .drop { return false }
                if missingPolicy != .keep {
                    throw SegmentError.invalidData(file: source, line: line, column: column.name, message: missingHint)
                }
                missing += 1
            }
            offset += column.encoding.width
        }
        if missing == columns.count {
            throw SegmentError.invalidData(file: source, line: line, column: nil,
                                           message: "every feature of this row is missing, so it cannot be compared with any other; fill a value, or leave the row out with \(parameter: "missing") drop")
        }
        return true
    }
}
