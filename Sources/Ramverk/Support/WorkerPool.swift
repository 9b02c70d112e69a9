#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs a loop's iterations on every core: a fixed set of worker threads, one per core
/// beyond the calling thread, started on first use and then kept, that take part with
/// the calling thread in `perform`.
///
/// Why not `DispatchQueue.concurrentPerform`: Dispatch starts its threads lazily, through
/// a manager thread, so in a short run the second core joined 1–3 ms after the first
/// (measured on Haninge's 100 000 iterations, which take 5 ms: its first chunks all ran
/// on the calling thread). Here a worker sleeps on a condition variable and is woken
/// directly; `start()` lets a command start the threads before it needs them.
///
/// Nested or concurrent use is allowed and never waits for the pool: a `perform` called
/// while another is running (from a worker, or another thread) runs its iterations on
/// its own thread, in order. Callers' results must not depend on the thread count
/// anyway (the simulation's do not).
///
/// `async` hands a worker one piece of work to do beside the caller (`kör` builds and
/// renders its report while the simulation is prepared); the worker then joins any
/// `perform` still running.
public final class WorkerPool: @unchecked Sendable {
    /// One worker per core beyond the calling thread.
    public static let shared = WorkerPool(workers: max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) - 1)

    /// The worker threads (0 on one core: everything then runs on the caller).
    public let workers: Int

    // Everything below is guarded by `lock`, except `next`, which the threads of one
    // `perform` claim iterations from.
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private let wake: UnsafeMutablePointer<pthread_cond_t>
    private let finished: UnsafeMutablePointer<pthread_cond_t>
    private var started = false
    private var busy = false
    /// Bumped for each `perform` that hands out work; a worker joins each one once.
    private var generation: UInt64 = 0
    private var job: ((Int) -> Void)?
    private var count = 0
    /// Workers that may still join the current job, and those in it now.
    private var openSeats = 0
    private var active = 0
    private let next = Atomic<Int>(0)
    /// Work from `async` that no thread has taken yet, oldest first.
    private var queued: [any QueuedWork] = []
    /// Signalled when a piece of `async` work is done.
    private let workDone: UnsafeMutablePointer<pthread_cond_t>

    init(workers: Int) {
        self.workers = max(workers, 0)
        lock = .allocate(capacity: 1)
        wake = .allocate(capacity: 1)
        finished = .allocate(capacity: 1)
        workDone = .allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(wake, nil)
        pthread_cond_init(finished, nil)
        pthread_cond_init(workDone, nil)
    }

    // The shared pool lives as long as the process; a pool made in a test is never freed
    // either, since its threads hold it.

    /// Starts the worker threads now, so that the first `perform` finds them running.
    public func start() {
        pthread_mutex_lock(lock)
        startLocked()
        pthread_mutex_unlock(lock)
    }

    /// Calls `body(0)`, …, `body(iterations − 1)`, at most `threads` at a time (the
    /// calling thread included), each index once, and returns when all have returned.
    public func perform(_ iterations: Int, threads: Int = .max, _ body: (Int) -> Void) {
        guard iterations > 1, threads > 1, workers > 0 else {
            for index in 0..<iterations { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            pthread_mutex_lock(lock)
            if busy {
                pthread_mutex_unlock(lock)
                for index in 0..<iterations { body(index) }
                return
            }
            startLocked()
            busy = true
            job = body
            count = iterations
            next.store(0, ordering: .relaxed)
            openSeats = min(workers, threads - 1, iterations - 1)
            generation &+= 1
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(lock)

            claim(body, count: iterations)

            pthread_mutex_lock(lock)
            // A worker that wakes from now on finds no job; those in it are waited for,
            // so `body` is not used after `perform` returns.
            job = nil
            while active > 0 { pthread_cond_wait(finished, lock) }
            busy = false
            pthread_mutex_unlock(lock)
        }
    }

    /// Starts `body` on a worker and returns at once; `PendingWork.wait()` gives its
    /// result. Without workers, or when none has taken it by the time it is waited
    /// for, the waiting thread runs it itself, so it never waits on a busy pool.
    public func async<Result: Sendable>(_ body: @escaping @Sendable () -> Result) -> PendingWork<Result> {
        let work = PendingWork(pool: self, body: body)
        guard workers > 0 else {
            // Nobody else could run it: now, on the caller, which has nothing to do beside it.
            work.run()
            work.isDone = true
            return work
        }
        pthread_mutex_lock(lock)
        startLocked()
        queued.append(work)
        pthread_cond_broadcast(wake)
        pthread_mutex_unlock(lock)
        return work
    }

    /// Waits for `work` to be done, or takes it back from the queue and runs it here.
    fileprivate func finish(_ work: some QueuedWork) {
        pthread_mutex_lock(lock)
        if let index = queued.firstIndex(where: { $0 === work }) {
            queued.remove(at: index)
            pthread_mutex_unlock(lock)
            work.run()
            pthread_mutex_lock(lock)
            work.isDone = true
        }
        while !work.isDone { pthread_cond_wait(workDone, lock) }
        pthread_mutex_unlock(lock)
    }

    /// Runs iterations while there are any left.
    private func claim(_ body: (Int) -> Void, count: Int) {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            body(index)
        }
    }

    private func startLocked() {
        guard !started else { return }
        started = true
        // The workers take no asynchronous signal (Ctrl-C, a terminal resize, …): those go
        // to the threads that were there before, as the REPL's line editor expects. Only
        // the faults a worker itself can cause stay open — SIGBUS among them, which a
        // mapped file that shrinks raises in the thread reading it (`MappedFiles`). A
        // new thread inherits the mask of the thread that made it.
        var blocked = sigset_t(), previous = sigset_t()
        sigfillset(&blocked)
        for synchronous in [SIGBUS, SIGSEGV, SIGFPE, SIGILL, SIGTRAP] { sigdelset(&blocked, synchronous) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        for _ in 0..<workers {
            var thread = pthread_t()
            let pool = Unmanaged.passRetained(self).toOpaque()
            let made = pthread_create(&thread, nil, { argument in
                Unmanaged<WorkerPool>.fromOpaque(argument!).takeRetainedValue().work()
            }, pool)
            if made == 0 {
                pthread_detach(thread)
            } else {
                // No thread: the iterations it would have taken go to the others.
                Unmanaged<WorkerPool>.fromOpaque(pool).release()
            }
        }
    }

    /// A worker's part in the current job: entered and left holding the lock. Its own
    /// function so that its reference to the caller's closure ends when it returns,
    /// before the worker says it is done (`perform` checks that none is left).
    @inline(never)
    private func takePart() {
        let body = job!
        let count = self.count
        pthread_mutex_unlock(lock)
        claim(body, count: count)
        pthread_mutex_lock(lock)
    }

    /// A worker's piece of `async` work: entered and left holding the lock.
    private func runQueued() {
        let work = queued.removeFirst()
        pthread_mutex_unlock(lock)
        work.run()
        pthread_mutex_lock(lock)
        work.isDone = true
        pthread_cond_broadcast(workDone)
    }

    /// A worker's life: wait for `async` work or a job it has not seen, do it, again.
    private func work() -> Never {
        var seen: UInt64 = 0
        pthread_mutex_lock(lock)
        while true {
            while generation == seen && queued.isEmpty { pthread_cond_wait(wake, lock) }
            if !queued.isEmpty {
                // Then back to the loop, which joins a `perform` begun meanwhile.
                runQueued()
                continue
            }
            seen = generation
            guard job != nil, openSeats > 0 else { continue }
            openSeats -= 1
            active += 1
            takePart()
            active -= 1
            if active == 0 { pthread_cond_signal(finished) }
        }
    }
}

/// Work handed to the pool by `async`, as the queue holds it. `isDone` is guarded by the
/// pool's lock.
private protocol QueuedWork: AnyObject {
    var isDone: Bool { get set }
    func run()
}

/// The result of work started with `WorkerPool.async`, to be waited for once.
public final class PendingWork<Result: Sendable>: QueuedWork, @unchecked Sendable {
    // @unchecked: `body` and `result` are used by one thread at a time — the one that
    // runs the work (taken from the queue under the pool's lock), then the one that
    // waits, after seeing `isDone` under the same lock.
    private let pool: WorkerPool
    private var body: (@Sendable () -> Result)?
    private var result: Result?
    fileprivate var isDone = false

    fileprivate init(pool: WorkerPool, body: @escaping @Sendable () -> Result) {
        self.pool = pool
        self.body = body
    }

    fileprivate func run() {
        result = body!()
        body = nil
    }

    /// The work's result, once it is done (run here if no worker has begun it).
    public func wait() -> Result {
        pool.finish(self)
        return result!
    }
}
