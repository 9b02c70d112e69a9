#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the syntax tree has freed back to the system while the model is built.
///
/// A large file's tree is freed statement by statement as the checker declares it (see
/// `Checker.declareReleasing`), but its arrays are small heap blocks that glibc keeps for
/// reuse — and the model's arrays, being large, never reuse them. Without this, the tree's
/// ≈ 80 bytes a post stay resident until the process ends. `malloc_trim` walks the heap,
/// so it is called once per this many posts declared, not per statement.
struct FreedMemory {
    static let postsBetweenTrims = 100_000
    private var postsAtLastTrim = 0

    /// Trims now, when a large structure has just been freed (the checker's name tables
    /// and what is left of the syntax tree once the model is built).
    static func trimNow() {
        _ = trim?(0)
    }

    /// Trims when enough posts have been declared since the last trim.
    mutating func release(postsDeclared: Int) {
        guard postsDeclared - postsAtLastTrim >= FreedMemory.postsBetweenTrims else { return }
        postsAtLastTrim = postsDeclared
        _ = FreedMemory.trim?(0)
    }

    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module leaves out
    /// <malloc.h>, and another C library may not have it (then nothing is trimmed).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()
}
