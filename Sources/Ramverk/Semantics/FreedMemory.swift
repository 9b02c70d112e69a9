#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the syntax tree has freed back to the system while the model is built.
///
/// A large file's tree is freed statement by statement as the checker declares it (see
/// `Checker.declareReleasing`), but its arrays are small heap blocks that glibc keeps for
/// reuse — and the model's arrays, being large, never reuse them. Without this, the tree's
/// ≈ 80 bytes a post stay resident until the process ends. `malloc_trim` walks the heap,
/// so it is called once per this many posts declared, not per statement — and only
/// when the process is near its peak, where giving memory back lowers the peak: below
/// it (once the first part's cells of a file read in two parts are freed) each trim
/// cost several milliseconds and lowered nothing.
struct FreedMemory {
    static let postsBetweenTrims = 100_000
    private var postsAtLastTrim = 0

    /// Trims now, when a large structure has just been freed (the checker's name tables
    /// and what is left of the syntax tree once the model is built).
    static func trimNow() {
        trim()
    }

    /// Trims when enough posts have been declared since the last trim.
    mutating func release(postsDeclared: Int) {
        guard postsDeclared - postsAtLastTrim >= FreedMemory.postsBetweenTrims else { return }
        postsAtLastTrim = postsDeclared
        guard FreedMemory.nearPeak() else { return }
        FreedMemory.trim()
    }

    /// True when the resident size is within 1/32 of the peak so far (about what the
    /// posts between trims add), or when either cannot be read.
    private static func nearPeak() -> Bool {
        #if canImport(Glibc)
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0, let resident = residentKiB() else { return true }
        let peak = Int(usage.ru_maxrss)  // KiB on Linux
        return resident + peak / 32 >= peak
        #else
        return true
        #endif
    }

    /// The resident set in KiB: the second figure of /proc/self/statm, in pages.
    private static func residentKiB() -> Int? {
        #if canImport(Glibc)
        let file = open("/proc/self/statm", O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = buffer[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * (Int(sysconf(Int32(_SC_PAGESIZE))) / 1024)
        #else
        return nil
        #endif
    }

    /// glibc's `malloc_trim`. Swift's Glibc module leaves out <malloc.h>, so it is
    /// declared here by its C name (an `Int` in, an `Int32` out: the C and Swift calling
    /// conventions agree for those). It was looked up with `dlsym` once; in the static
    /// release executable there is no dynamic symbol table to look in, the look-up found
    /// nothing and nothing was trimmed — 22 MiB more at the peak of a million posts.
    private static func trim() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
