#if canImport(Glibc)
import Glibc
#endif

/// Notices when the files of a session change on disk: their modification time (to the
/// nanosecond), size and inode, taken before each command. Reading the files themselves
/// would cost too much for a large scenario.
struct FileWatch {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    private(set) var paths: [String] = []
    private var stamps: [Stamp?] = []

    /// Starts watching `paths` as they are now.
    mutating func watch(_ paths: [String]) {
        self.paths = paths
        stamps = paths.map(FileWatch.stamp)
    }

    /// True when a file changed (or appeared, or went away) since `watch`.
    func changed() -> Bool {
        zip(paths, stamps).contains { FileWatch.stamp($0) != $1 }
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec), size: Int(info.st_size),
                     inode: UInt(info.st_ino))
    }

    static func exists(_ path: String) -> Bool {
        stamp(path) != nil
    }
}
