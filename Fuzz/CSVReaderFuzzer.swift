// libFuzzer entry point for the CSV readers (the streaming one, and on
// quote-free inputs the chunked ones), compiled together with the
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
        } catch {
            fatalError("unexpected error: \(error)")
        }
        // The chunked readers (`CellWalker`) take quote-free, CR-free bytes;
        // tiny chunks put many chunk ends in every input.
        guard !bytes.contains(0x22) && !bytes.contains(0x0D) else { continue }
        bytes.withUnsafeBufferPointer { buffer in
            do {
                _ = try ParallelTableReader.read(InputBytes(copying: buffer), dialect: dialect, name: "<fuzz>", threads: 1, chunkSize: 16)
                if let chunks = try LineChunks(buffer, dialect: dialect, name: "<fuzz>", chunkSize: 16) {
                    _ = FileSummary.summarize(buffer, chunks: chunks, source: "<fuzz>", topCount: 3, threads: 1)
                }
            } catch is CSVError {
            } catch {
                fatalError("unexpected error: \(error)")
            }
        }
    }
    return 0
}
