#if canImport(Glibc)
import Glibc
#endif

/// C library functions the Glibc module does not export (their headers
/// need `_GNU_SOURCE` or are not part of the module), looked up at run time.
enum LibcFunction {
    /// The function named `name` as a value of `type` (a `@convention(c)`
    /// function type matching its C declaration), or `nil` where it does not
    /// exist.
    static func lookup<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
