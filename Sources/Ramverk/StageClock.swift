#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Wall-clock time per pipeline stage, for developers measuring where a run goes
/// (`RAMVERK_TIDER=1 ramverk kör …` prints them; see BENCHMARKS.md). Off unless the
/// command line turns it on, so a normal run pays one atomic load per mark.
public enum StageClock {
    private static let enabled = Atomic<Bool>(false)
    private static let marks = Mutex<(last: Double, times: [(stage: String, milliseconds: Int)])>((0, []))

    /// Starts timing from now.
    public static func start() {
        enabled.store(true, ordering: .relaxed)
        marks.withLock { $0 = (now(), []) }
    }

    /// Ends the stage called `stage` now (the time since the previous mark).
    public static func mark(_ stage: String) {
        guard enabled.load(ordering: .relaxed) else { return }
        let time = now()
        marks.withLock { state in
            state.times.append((stage, Int(((time - state.last) * 1000).rounded())))
            state.last = time
        }
    }

    /// The stages marked so far, in order.
    public static var times: [(stage: String, milliseconds: Int)] { marks.withLock { $0.times } }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
