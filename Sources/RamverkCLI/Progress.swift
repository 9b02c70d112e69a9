#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A progress line on standard error for long simulations: only on a terminal, and
/// only once a run has taken over a second (short runs stay quiet).
enum Progress {
    private static let shown = Atomic<Bool>(false)

    /// A progress callback, or nil when standard error is not a terminal.
    static func onTerminal() -> (@Sendable (Double) -> Void)? {
        guard isatty(2) == 1 else { return nil }
        let start = now()
        return { share in
            guard now() - start > 1.0 else { return }
            shown.store(true, ordering: .relaxed)
            Terminal.writeError("\rSimulerar … \(Int(share * 100)) %")
        }
    }

    /// Removes the progress line, if one was written.
    static func clear() {
        if shown.exchange(false, ordering: .relaxed) { Terminal.writeError("\r\u{1B}[K") }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
