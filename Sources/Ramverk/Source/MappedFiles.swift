#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Scenario files mapped into memory (`SourceBytes`), and what happens when one of them
/// shrinks while it is mapped.
///
/// A mapped page beyond a file's new end cannot be read: the system sends SIGBUS,
/// which would kill the run with no word of why. A command that maps files therefore
/// first calls `exitWhenTruncated`: a SIGBUS at an address inside a mapped file then
/// writes the command's message and ends the process with its exit status; any other
/// SIGBUS is left to the default action (a real bug must not be reported as a
/// changed file). Nothing maps a file unless asked (`LocalFileSystem(mapsLargeFiles:)`),
/// so the REPL, which lives long and reloads files, never does.
public enum MappedFiles {
    /// The most files mapped at once; more are read into memory instead.
    static let slots = 16

    /// `slots` pairs of start and end addresses, 0 for a free slot. Plain memory, not a
    /// Swift array: the signal handler reads it, and may not allocate or take a lock.
    nonisolated(unsafe) private static let ranges: UnsafeMutablePointer<Int> = {
        let ranges = UnsafeMutablePointer<Int>.allocate(capacity: 2 * slots)
        ranges.initialize(repeating: 0, count: 2 * slots)
        return ranges
    }()
    private static let lock = Mutex(())

    /// The message and status of `exitWhenTruncated`, read by the handler.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var messageLength = 0
    nonisolated(unsafe) private static var status: Int32 = 70

    /// From now on, a file mapped by this process that shrinks under it ends the
    /// process with `message` on standard error and exit status `status`.
    public static func exitWhenTruncated(message text: String, status exitStatus: Int32) {
        lock.withLock { _ in
            if message == nil {
                message = strdup(text)
                messageLength = text.utf8.count
                status = exitStatus
            }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { _, info, _ in
            let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
            if MappedFiles.holds(address), let message = MappedFiles.message {
                _ = write(2, message, MappedFiles.messageLength)
                _exit(MappedFiles.status)
            }
            // Not ours: the default action on return, when the access faults again.
            signal(SIGBUS, SIG_DFL)
        }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        sigaction(SIGBUS, &action, nil)
    }

    /// Maps the first `size` bytes of the regular file open as `descriptor` (read
    /// only, private), or nil when it cannot (then the caller reads it).
    static func map(_ descriptor: Int32, size: Int) -> SourceBytes? {
        guard size > 0, let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              memory != MAP_FAILED else { return nil }
        guard remember(memory, size) else {
            munmap(memory, size)
            return nil
        }
        return SourceBytes(mapped: memory, count: size, length: size)
    }

    private static func remember(_ memory: UnsafeMutableRawPointer, _ size: Int) -> Bool {
        lock.withLock { _ in
            for slot in 0..<slots where ranges[2 * slot] == 0 {
                ranges[2 * slot + 1] = Int(bitPattern: memory) + size
                ranges[2 * slot] = Int(bitPattern: memory)
                return true
            }
            return false
        }
    }

    /// Called as a mapping is unmapped.
    static func forget(_ memory: UnsafeMutableRawPointer) {
        lock.withLock { _ in
            for slot in 0..<slots where ranges[2 * slot] == Int(bitPattern: memory) {
                ranges[2 * slot] = 0
                ranges[2 * slot + 1] = 0
            }
        }
    }

    /// True when `address` is inside a mapped file. Reads the table without the lock
    /// (a signal handler may not take one); a slot is filled end first, start last.
    private static func holds(_ address: Int) -> Bool {
        for slot in 0..<slots {
            let start = ranges[2 * slot]
            if start != 0, address >= start, address < ranges[2 * slot + 1] { return true }
        }
        return false
    }
}
