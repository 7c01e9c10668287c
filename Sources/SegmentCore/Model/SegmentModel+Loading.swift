import Foundation
import SegmentBase
import SegmentIO

extension SegmentModel {
    /// Reads and checks the model file at `path` (written by `jsonText()`).
    /// - Throws: `SegmentError.cannotOpen`/`readFailed` when the file cannot
    ///   be read, `SegmentError.invalidInput` when it is not a valid model.
    public static func load(path: String) throws -> SegmentModel {
        let bytes = try ByteReader(.file(path)).readAll()
        return try SegmentModel.decode(Data(bytes), file: path)
    }
}
