import Foundation
import SegmentBase

/// What the machine has: the memory limit that jobs hand to the algorithms
/// that refuse work whose memory would not fit.
public enum SystemMemory {
    /// Bytes the system reports as available to new allocations
    /// (`MemAvailable` in `/proc/meminfo`), falling back to physical memory.
    public static var availableBytes: Int {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) {
            for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
                let fields = line.split(separator: " ")
                if fields.count >= 2, let kibibytes = Int(fields[1]) { return kibibytes * 1024 }
            }
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }
}
