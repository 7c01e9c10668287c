// libFuzzer entry point for the CSV reader, compiled together with the
// SegmentBase and SegmentIO sources by Fuzz/run.sh (swiftc -sanitize=fuzzer,address).
// Every input must either parse or fail with a CSVError; anything else —
// a crash, an out-of-bounds access, another error — is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for dialect in [CSVDialect.csv, CSVDialect.tsv] {
        let reader = CSVReader(bytes: bytes, dialect: dialect)
        do {
            while let record = try reader.nextRecord() {
                for index in 0..<record.count { _ = record.string(index) }
            }
        } catch is CSVError {
            continue
        } catch {
            fatalError("unexpected error: \(error)")
        }
    }
    return 0
}
