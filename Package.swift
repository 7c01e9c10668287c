// swift-tools-version: 6.0
// segment — customer segmentation, customer value and recommendations from the command line.
// Toolchain only: no package dependencies.
//
// The targets are the architecture; each imports only the ones below it, so
// a layering mistake is a compile error (`.ci/check-layers` also checks it):
//
//   segment-cli        parses arguments into typed options, runs one job, prints
//        |
//   SegmentCore        jobs (the use cases, end to end), saved models, the HTML report
//     /      \
//   SegmentIO  SegmentAlgorithms   files and streams  |  pure computation on in-memory data
//     \      /
//   SegmentBase        errors, seeded RNG, parallel chunks, statistics, Matrix and Table
import PackageDescription

let package = Package(
    name: "segment",
    products: [
        .library(name: "SegmentCore", targets: ["SegmentCore"]),
        .executable(name: "segment", targets: ["segment-cli"]),
    ],
    targets: [
        .target(name: "SegmentBase"),
        .target(name: "SegmentIO", dependencies: ["SegmentBase"]),
        .target(name: "SegmentAlgorithms", dependencies: ["SegmentBase"]),
        .target(name: "SegmentCore", dependencies: ["SegmentBase", "SegmentIO", "SegmentAlgorithms"]),
        .executableTarget(name: "segment-cli", dependencies: ["SegmentCore"]),
        .testTarget(name: "SegmentCoreTests", dependencies: ["SegmentBase", "SegmentIO", "SegmentAlgorithms", "SegmentCore"]),
        .testTarget(name: "ArgumentsTests", dependencies: ["segment-cli", "SegmentBase", "SegmentIO", "SegmentAlgorithms", "SegmentCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["segment-cli"]),
    ]
)
