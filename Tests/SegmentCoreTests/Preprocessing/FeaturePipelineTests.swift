import Foundation
import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

/// Column encoding, missing-value policies and their error messages.
@Suite struct FeaturePipelineTests {
    let csv = "id,g,x\n1,a,1\n2,b,\n3,a,4\n4,,6\n"

    @Test func oneHotEncodingIsSortedAndUnscaled() throws {
        let table = try TestFiles.table("id,g,x\n1,b,1\n2,a,3\n3,b,5\n")
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2], missing: .error, scale: .standard)
        #expect(pipeline.outputNames == ["g=a", "g=b", "x"])
        #expect(features.matrix.row(0) == [0, 1, -(1.5).squareRoot()])
        #expect(features.matrix.row(1) == [1, 0, 0])
    }

    @Test func missingErrorNamesFileLineAndColumn() throws {
        let table = try TestFiles.table(csv)
        #expect(throws: SegmentError.invalidData(file: table.source, line: 3, column: "x",
                                                 message: "missing value; fill it in, or choose how to treat missing values with \(parameter: "missing") drop|mean|median|mode")) {
            try FeaturePipeline.fit(table: table, featureColumns: [2], missing: .error, scale: .none)
        }
    }

    @Test func dropKeepsTrackOfTableRows() throws {
        let table = try TestFiles.table(csv)
        let (_, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2], missing: .drop, scale: .none)
        #expect(features.tableRows == [0, 2])
        #expect(features.matrix.rows == 2)
    }

    @Test func imputation() throws {
        let table = try TestFiles.table(csv)
        // x present values 1, 4, 6: mean 11/3, median 4, mode (all tied) smallest 1; g mode "a".
        for (policy, fill) in [(MissingPolicy.mean, 11.0 / 3), (.median, 4), (.mode, 1)] {
            let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2], missing: policy, scale: .none)
            #expect(features.matrix[1, 2] == fill)
            #expect(pipeline.columns[0].categoryFill == "a")
            #expect(features.matrix.row(3) == [1, 0, 6])
        }
    }

    @Test func textInNumericColumnIsADataError() throws {
        let table = try TestFiles.table("x,y\n1,2\n2,3\nabc,4\n5,6\n")
        #expect(throws: SegmentError.invalidData(file: table.source, line: 4, column: "x",
                                                 message: "expected a number, found 'abc'; correct it, or leave it empty (or NA) to mark it missing")) {
            try FeaturePipeline.fit(table: table, featureColumns: [0, 1], missing: .error, scale: .standard)
        }
    }

    @Test func unusableColumnsAreUsageErrors() throws {
        let table = try TestFiles.table("d,t,e\n2024-01-01,a1,\n2024-01-02,a2,\n2024-01-03,a3,\n")
        #expect(throws: ParameterError("features", "column 'd' holds dates, which cannot be a feature; derive a number from it first (for example recency in days with `segment rfm`)")) {
            try FeaturePipeline.fit(table: table, featureColumns: [0], missing: .error, scale: .none)
        }
        #expect(throws: ParameterError("features", "column 't' is free text (3 distinct values; at most 100 categories can be one-hot encoded); remove it from \(parameter: "features")")) {
            try FeaturePipeline.fit(table: table, featureColumns: [1], missing: .error, scale: .none)
        }
        #expect(throws: ParameterError("features", "column 'e' has no values; remove it from \(parameter: "features")")) {
            try FeaturePipeline.fit(table: table, featureColumns: [2], missing: .error, scale: .none)
        }
    }

    @Test func savedPipelineTransformsNewTablesIdentically() throws {
        let table = try TestFiles.mall()
        let (pipeline, features) = try FeaturePipeline.fit(table: table, featureColumns: [1, 2, 3], missing: .error, scale: .robust)
        let decoded = try JSONDecoder().decode(FeaturePipeline.self, from: try JSONEncoder().encode(pipeline))
        #expect(decoded == pipeline)
        #expect(try decoded.transform(table).matrix == features.matrix)
        let other = try TestFiles.table("Age,Gender\n30,Male\n")
        #expect(throws: SegmentError.invalidData(file: other.source, line: 1, column: nil,
                                                 message: "the model needs column 'Annual Income (k$)', which the input lacks (columns: Age, Gender)")) {
            try decoded.transform(other)
        }
    }

    @Test func columnNamesResolveWithSuggestions() throws {
        let names = ["CustomerID", "Gender", "Age", "Annual Income (k$)", "Spending Score (1-100)"]
        #expect(try ColumnSelection.resolve("age", in: names, parameter: "features") == 2)
        #expect(throws: ParameterError("features", "\(parameter: "features"): no column named 'Income'; did you mean 'Annual Income (k$)'? (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))")) {
            try ColumnSelection.resolve("Income", in: names, parameter: "features")
        }
        #expect(throws: ParameterError("features", "\(parameter: "features"): no column named 'Gendre'; did you mean 'Gender'? (columns: CustomerID, Gender, Age, Annual Income (k$), Spending Score (1-100))")) {
            try ColumnSelection.resolve("Gendre", in: names, parameter: "features")
        }
    }
}
