import Testing
@testable import SegmentAlgorithms
@testable import SegmentBase
@testable import SegmentCore
@testable import SegmentIO

@Suite struct MemoryBudgetTests {
    @Test func parsesSizes() {
        #expect(MemoryBudget.parseSize("4G") == 4 * 1_073_741_824)
        #expect(MemoryBudget.parseSize("512M") == 512 * 1_048_576)
        #expect(MemoryBudget.parseSize("1.5GiB") == 1_610_612_736)
        #expect(MemoryBudget.parseSize("800k") == 819_200)
        #expect(MemoryBudget.parseSize("1000") == 1000)
        #expect(MemoryBudget.parseSize("2GB") == 2 * 1_073_741_824)
        #expect(MemoryBudget.parseSize("lots") == nil)
        #expect(MemoryBudget.parseSize("-1G") == nil)
        #expect(MemoryBudget.parseSize("G") == nil)
    }

    @Test func describesSizes() {
        #expect(MemoryBudget.describe(900) == "900 bytes")
        #expect(MemoryBudget.describe(3 * 1_048_576 / 2) == "1.5 MiB")
        #expect(MemoryBudget.describe(4 * 1_073_741_824) == "4.0 GiB")
    }

    @Test func availableMemoryIsPositive() {
        #expect(SystemMemory.availableBytes > 0)
    }
}
