import Foundation

/// Memory sizes: how they are read and written.
public enum MemoryBudget {
    /// Parses a size such as `4G`, `512M`, `1.5GiB`, `800k` or `1000000` (bytes);
    /// suffixes are binary (K = 1024). Returns `nil` for anything else.
    public static func parseSize(_ text: String) -> Int? {
        var number = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where number.hasSuffix(suffix) && number.count > suffix.count {
            number.removeLast(suffix.count)
            break
        }
        let multipliers: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var multiplier = 1.0
        if let last = number.last, let factor = multipliers[last] {
            multiplier = factor
            number.removeLast()
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * multiplier < 9e18 else { return nil }
        return Int(value * multiplier)
    }

    /// Formats a byte count for messages: `3.7 GiB`, `512.0 MiB`, `900 bytes`.
    public static func describe(_ bytes: Int) -> String {
        let units = [("TiB", 1_099_511_627_776.0), ("GiB", 1_073_741_824.0), ("MiB", 1_048_576.0), ("KiB", 1024.0)]
        for (name, size) in units where Double(bytes) >= size {
            return String(format: "%.1f %@", Double(bytes) / size, name)
        }
        return "\(bytes) bytes"
    }
}
