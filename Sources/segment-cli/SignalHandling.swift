#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SegmentCore

/// The process's signal dispositions: an interrupt removes the temporary
/// output files, and a closed pipe becomes a write error.
enum SignalHandling {
    /// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the
    /// temporary output files (`TemporaryFiles.removeAll()`) and exit with
    /// 128 + signal, unblocking those signals (a parent process may have
    /// left them blocked), and ignores SIGPIPE so that a closed pipe
    /// surfaces as a write error (`BrokenPipe`).
    static func install() {
        TemporaryFiles.prepare()
        signal(SIGPIPE, SIG_IGN)
        // Threads of many runtimes block signals, and the mask is inherited:
        // unblock them, or Ctrl-C would never reach the handler.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&handled, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                TemporaryFiles.removeAll()
                _exit(128 + received)
            }
        }
    }
}
