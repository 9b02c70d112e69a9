#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
@testable import Ramverk

/// The worker threads the simulation, the parallel parser and `kontrollera` share: each
/// index exactly once, the thread limit kept, nested use never waiting for the pool.
struct WorkerPoolTests {
    /// How many times each index ran, and on how many distinct threads.
    private final class Tally: Sendable {
        let counts: Mutex<[Int]>
        let threads = Mutex<Set<UInt>>([])
        init(_ count: Int) { counts = Mutex([Int](repeating: 0, count: count)) }
        func record(_ index: Int) {
            counts.withLock { $0[index] += 1 }
            threads.withLock { _ = $0.insert(UInt(pthread_self())) }
        }
    }

    @Test func everyIndexRunsOnce() {
        let pool = WorkerPool(workers: 3)
        for iterations in [0, 1, 2, 7, 1000] {
            let tally = Tally(iterations)
            pool.perform(iterations) { tally.record($0) }
            #expect(tally.counts.withLock { $0 } == [Int](repeating: 1, count: iterations))
        }
    }

    @Test func manyShortRunsInARow() {
        // Workers waking late for one run must not take part in the next one's body.
        let pool = WorkerPool(workers: 2)
        for round in 0..<2000 {
            let tally = Tally(3)
            pool.perform(3) { index in
                tally.record(index)
                if round % 7 == 0 { usleep(10) }
            }
            #expect(tally.counts.withLock { $0 } == [1, 1, 1])
        }
    }

    @Test func oneThreadMeansTheCallingThread() {
        let pool = WorkerPool(workers: 3)
        let tally = Tally(50)
        pool.perform(50, threads: 1) { tally.record($0) }
        #expect(tally.threads.withLock { $0 } == [UInt(pthread_self())])
        #expect(tally.counts.withLock { $0 } == [Int](repeating: 1, count: 50))
    }

    @Test func theThreadLimitIsKept() {
        let pool = WorkerPool(workers: 3)
        let running = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        pool.perform(64, threads: 2) { _ in
            let now = running.wrappingAdd(1, ordering: .relaxed).newValue
            _ = most.max(now, ordering: .relaxed)
            usleep(200)
            running.wrappingSubtract(1, ordering: .relaxed)
        }
        #expect(most.load(ordering: .relaxed) <= 2)
    }

    @Test func nestedUseRunsInlineAndFinishes() {
        let pool = WorkerPool(workers: 2)
        let inner = Tally(4 * 10)
        pool.perform(4) { outer in
            pool.perform(10) { inner.record(outer * 10 + $0) }
        }
        #expect(inner.counts.withLock { $0 } == [Int](repeating: 1, count: 40))
    }

    @Test func noWorkersRunsEverythingOnTheCaller() {
        let pool = WorkerPool(workers: 0)
        let tally = Tally(20)
        pool.perform(20) { tally.record($0) }
        #expect(tally.threads.withLock { $0 } == [UInt(pthread_self())])
    }

    @Test func asyncWorkRunsBesideTheCallerAndGivesItsResult() {
        let pool = WorkerPool(workers: 1)
        let started = Atomic<Bool>(false)
        let pending = pool.async {
            started.store(true, ordering: .relaxed)
            return UInt(pthread_self())
        }
        // Taken by the worker (waited for, so that the waiter does not take it back).
        while !started.load(ordering: .relaxed) { usleep(50) }
        #expect(pending.wait() != UInt(pthread_self()))
        #expect(pending.wait() == pending.wait())
        // The worker that ran it then joins a perform as usual.
        let tally = Tally(100)
        pool.perform(100) { tally.record($0) }
        #expect(tally.counts.withLock { $0 } == [Int](repeating: 1, count: 100))
    }

    @Test func asyncWorkNotYetTakenIsRunByTheWaiter() {
        // The only worker is busy with the first piece; the waiter takes the second back.
        let pool = WorkerPool(workers: 1)
        let release = Atomic<Bool>(false)
        let first = pool.async {
            while !release.load(ordering: .relaxed) { usleep(100) }
            return 1
        }
        usleep(2000)
        let second = pool.async { UInt(pthread_self()) }
        #expect(second.wait() == UInt(pthread_self()))
        #expect(second.wait() == UInt(pthread_self()))
        release.store(true, ordering: .relaxed)
        #expect(first.wait() == 1)
    }

    @Test func withoutWorkersAsyncWorkRunsOnTheCaller() {
        let pool = WorkerPool(workers: 0)
        #expect(pool.async { UInt(pthread_self()) }.wait() == UInt(pthread_self()))
    }
}
