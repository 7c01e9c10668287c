/// Thrown by `ArgumentParser.parse(_:for:)` when `--help` or `-h` appears before `--`.
///
/// It is not a failure: the caller prints `HelpFormatter.help(for:)` to stdout
/// and exits with status 0.
struct HelpRequested: Error, Equatable {}
