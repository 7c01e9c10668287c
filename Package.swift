// swift-tools-version: 6.0
// segment — customer segmentation and recommendations from the command line.
// Toolchain only: no package dependencies.
import PackageDescription

let package = Package(
    name: "segment",
    products: [
        .library(name: "SegmentCore", targets: ["SegmentCore"]),
        .executable(name: "segment", targets: ["segment-cli"]),
    ],
    targets: [
        .target(
            name: "SegmentCore",
            // Square roots without errno bookkeeping: `squareRoot()` on SIMD
            // vectors becomes one vector instruction instead of a scalar
            // square root and a branch per lane. Results are unchanged (IEEE
            // square roots are correctly rounded either way); nothing here
            // reads errno after a math function.
            swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
        ),
        .executableTarget(name: "segment-cli", dependencies: ["SegmentCore"]),
        .testTarget(name: "SegmentCoreTests", dependencies: ["SegmentCore"]),
        .testTarget(name: "ArgumentsTests", dependencies: ["segment-cli", "SegmentCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["segment-cli"]),
    ]
)
