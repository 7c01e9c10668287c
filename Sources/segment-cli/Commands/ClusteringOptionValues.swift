import SegmentCore

/// `--k`: a number of segments, or `auto` to choose it.
enum KChoice: OptionValue, Equatable {
    /// Choose k over `--k-range` by `--select`.
    case auto
    /// Exactly this many segments.
    case count(Int)

    /// `auto` or a whole number of at least 1.
    init(optionText text: String, option: OptionSpec) throws {
        if text == "auto" { self = .auto; return }
        guard let k = Int(text), k >= 1 else {
            throw UsageError(message: "\(option.longSpelling) expects a whole number of at least 1 or 'auto', got '\(text)'")
        }
        self = .count(k)
    }

    /// `auto` or the number.
    var optionText: String {
        switch self {
        case .auto: "auto"
        case .count(let k): String(k)
        }
    }

    /// The number, `nil` for auto.
    var count: Int? {
        if case .count(let k) = self { return k }
        return nil
    }
}

/// `--k-range LOW-HIGH`: the k values tried, at least one, all ≥ 1.
struct KRange: OptionValue, Equatable {
    /// The k values.
    var range: ClosedRange<Int>

    /// A range of k values.
    init(_ range: ClosedRange<Int>) { self.range = range }

    /// Reads `LOW-HIGH`.
    init(optionText text: String, option: OptionSpec) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) else {
            throw UsageError(message: "\(option.longSpelling) expects LOW-HIGH such as 2-10, got '\(text)'")
        }
        guard low >= 1, high >= 1 else {
            throw UsageError(message: "\(option.longSpelling) needs 1 <= LOW <= HIGH, got '\(text)'")
        }
        guard low <= high else {
            throw UsageError(message: "\(option.longSpelling) needs 1 <= LOW <= HIGH, got '\(text)'; did you mean '\(high)-\(low)'?")
        }
        range = low...high
    }

    /// `LOW-HIGH`.
    var optionText: String { "\(range.lowerBound)-\(range.upperBound)" }
}

/// `--init`: greedy k-means++, random rows, or a CSV file of starting centres.
enum KMeansStart: OptionValue, Equatable {
    /// Greedy k-means++ seeding.
    case kMeansPlusPlus
    /// k random rows.
    case random
    /// Centres read from this file.
    case file(String)
    /// k-prototypes: Cao's density-based modes.
    case cao
    /// k-prototypes: Huang's frequency-drawn modes.
    case huang
    /// k-medoids: PAM's BUILD.
    case build

    /// `k-means++`, `random`, `cao`, `huang`, `build`, or a path.
    init(optionText text: String, option: OptionSpec) {
        switch text {
        case "k-means++": self = .kMeansPlusPlus
        case "random": self = .random
        case "cao": self = .cao
        case "huang": self = .huang
        case "build": self = .build
        default: self = .file(text)
        }
    }

    /// The word or the path.
    var optionText: String {
        switch self {
        case .kMeansPlusPlus: "k-means++"
        case .random: "random"
        case .file(let path): path
        case .cao: "cao"
        case .huang: "huang"
        case .build: "build"
        }
    }
}

/// `--eps X|auto`: DBSCAN's radius.
extension DBSCAN.Radius: OptionValue {
    /// `auto` or a number greater than 0.
    init(optionText text: String, option: OptionSpec) throws {
        self = text == "auto" ? .automatic : .value(try OptionNumbers.double(text, in: nil, exclusiveLowerBound: 0, option: option))
    }

    /// `auto` or the number.
    var optionText: String {
        switch self {
        case .automatic: "auto"
        case .value(let eps): OptionNumbers.format(eps)
        }
    }
}

/// `--max-memory SIZE`: a number of bytes written like 512M or 4G.
struct ByteSize: OptionValue, Equatable {
    /// The bytes.
    var bytes: Int

    /// Reads a size with an optional K/M/G/T suffix.
    init(optionText text: String, option: OptionSpec) throws {
        guard let bytes = MemoryBudget.parseSize(text) else {
            throw UsageError(message: "\(option.longSpelling) expects a size such as 512M or 4G, got '\(text)'")
        }
        self.bytes = bytes
    }

    /// The number of bytes.
    var optionText: String { String(bytes) }
}

extension SelectionCriterion: OptionChoice {}
extension GapStatistic.Rule: OptionChoice {}
extension KMeans.Method: OptionChoice {}
extension Linkage: OptionChoice {}
extension DistanceMetric: OptionChoice {}
extension MixedMetric: OptionChoice {}
