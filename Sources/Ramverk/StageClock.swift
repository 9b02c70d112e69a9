#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Wall-clock time per pipeline stage, for developers measuring where a run goes
/// (`RAMVERK_TIDER=1 ramverk kör …` prints them; see BENCHMARKS.md). Off unless the
/// command line turns it on, so a normal run pays one atomic load per mark. Each mark
/// also notes the resident memory then and the peak so far (Linux), to find which
/// stage sets the peak that BENCHMARKS.md divides by the posts.
public enum StageClock {
    private static let enabled = Atomic<Bool>(false)
    private static let marks = Mutex<(last: Double, times: [Time])>((0, []))

    /// One stage: its wall time, and the resident and peak resident memory at its end
    /// (KiB; 0 where /proc is missing).
    public struct Time: Sendable {
        public let stage: String
        public let microseconds: Int
        public let residentKiB: Int
        public let peakKiB: Int
    }

    /// Starts timing from now.
    public static func start() {
        enabled.store(true, ordering: .relaxed)
        marks.withLock { $0 = (now(), []) }
    }

    /// Ends the stage called `stage` now (the time since the previous mark).
    public static func mark(_ stage: String) {
        guard enabled.load(ordering: .relaxed) else { return }
        let time = now()
        let (resident, peak) = memory()
        marks.withLock { state in
            state.times.append(Time(stage: stage, microseconds: Int(((time - state.last) * 1_000_000).rounded()),
                                    residentKiB: resident, peakKiB: peak))
            state.last = time
        }
    }

    /// The stages marked so far, in order.
    public static var times: [Time] { marks.withLock { $0.times } }

    /// VmRSS and VmHWM of /proc/self/status, in KiB.
    private static func memory() -> (resident: Int, peak: Int) {
        let descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return (0, 0) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return (0, 0) }
        var resident = 0, peak = 0
        for line in String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n") {
            let value = { Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0 }
            if line.hasPrefix("VmRSS:") { resident = value() }
            if line.hasPrefix("VmHWM:") { peak = value() }
        }
        return (resident, peak)
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
