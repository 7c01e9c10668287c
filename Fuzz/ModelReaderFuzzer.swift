// libFuzzer entry point for the saved-model reader (`SegmentModel.decode`,
// what `SegmentModel.load(path:)` runs on a file's bytes), compiled together
// with the SegmentBase, SegmentIO, SegmentAlgorithms and SegmentCore sources
// by Fuzz/run.sh (swiftc -sanitize=fuzzer,address).
// Every input must either load or fail with a SegmentError. A model that
// loads must also save and load back equal (`jsonText`, then `decode`), and
// label rows the way `segment assign` does (`AssignJob.run`: encode, scale,
// magnitude check, assignment rule) — each row either gets a segment the
// rule has (or noise, −1, for a core-point rule) or fails with a
// SegmentError. Anything else — a crash, an out-of-bounds access, a trap,
// another error, a label the model does not have — is a finding.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let model: SegmentModel
    do {
        model = try SegmentModel.decode(Data(bytes: data, count: size), file: "<fuzz>")
    } catch is SegmentError {
        return 0
    } catch {
        fatalError("unexpected error: \(error)")
    }
    checkRoundTrip(model)
    checkLabelling(model)
    return 0
}

/// A loaded model saves as JSON that loads back as the same model.
func checkRoundTrip(_ model: SegmentModel) {
    let text: String
    do {
        text = try model.jsonText()
    } catch {
        fatalError("a model that loads cannot be saved: \(error)")
    }
    do {
        let reloaded = try SegmentModel.decode(Data(text.utf8), file: "<fuzz: saved again>")
        guard reloaded == model else { fatalError("the model saved and loaded again differs:\n\(text)") }
    } catch {
        fatalError("a model that loads does not load again once saved: \(error)\n\(text)")
    }
}

/// Labels a few rows with `model` as `AssignJob.run` labels each record.
func checkLabelling(_ model: SegmentModel) {
    let pipeline = model.pipeline
    let names = pipeline.outputNames
    var assigner = SegmentAssigner(rule: model.rule)
    var features = [Double](repeating: 0, count: pipeline.outputWidth)
    // Row r gives every column the same cell: numbers, missing values, text,
    // the column's first category (a one-hot column's indicator set).
    let cells = ["0", "1.5", "-1e300", "", "NA", "x", "1e99"]
    for row in 0...cells.count {
        let text = { (column: Int) -> String in
            guard row == cells.count else { return cells[row] }
            if case .oneHot(let categories) = pipeline.columns[column].encoding { return categories.first ?? "" }
            return String(column)
        }
        // The row's cells back to back; `ends[k]` is where column k's ends.
        var bytes: [UInt8] = [], ends: [Int] = []
        for column in pipeline.columns.indices {
            bytes += Array(text(column).utf8)
            ends.append(bytes.count)
        }
        do {
            let label = try features.withUnsafeMutableBufferPointer { features -> Int? in
                let complete = try bytes.withUnsafeBufferPointer { bytes in
                    try pipeline.encodeRow(into: features.baseAddress!, source: "<fuzz>", line: row + 2) { column in
                        UnsafeBufferPointer(rebasing: bytes[(column == 0 ? 0 : ends[column - 1])..<ends[column]])
                    }
                }
                guard complete else { return nil }
                pipeline.scaler.transform(row: features)
                try FeatureMagnitude.check(row: UnsafeBufferPointer(features), names: names, source: "<fuzz>",
                                           line: row + 2, scale: pipeline.scaler.method)
                return assigner.label(of: UnsafeBufferPointer(features))
            }
            if let label { checkLabel(label, of: model.rule) }
        } catch is SegmentError {
        } catch {
            fatalError("unexpected error: \(error)")
        }
    }
}

/// A label is one of the rule's segments (or noise for a core-point rule).
func checkLabel(_ label: Int, of rule: AssignmentRule) {
    switch rule {
    case .nearestCenter(let centers, let dimensions, _):
        guard (0..<(centers.count / dimensions)).contains(label) else {
            fatalError("label \(label) is not one of the model's \(centers.count / dimensions) segments")
        }
    case .corePoints(_, _, let labels, _, _):
        guard label == -1 || labels.contains(label) else { fatalError("label \(label) is not a core point's label nor noise") }
    case .prototypes(let means, _, let categorical, _):
        let segments = means.count / categorical.lazy.filter { !$0 }.count
        guard (0..<segments).contains(label) else { fatalError("label \(label) is not one of the model's \(segments) prototypes") }
    case .medoids(let medoids, let categorical, _, _):
        let segments = medoids.count / categorical.count
        guard (0..<segments).contains(label) else { fatalError("label \(label) is not one of the model's \(segments) medoids") }
    }
}
