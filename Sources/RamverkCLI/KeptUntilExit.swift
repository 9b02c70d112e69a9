/// Values kept alive until the process ends. Once `ramverk kör` has written a large
/// report, freeing its model and report one object at a time (a million names, cell
/// arrays, the source) takes longer than the system takes to reclaim the memory at
/// exit; the command still returns normally, so everything after it runs as before.
enum KeptUntilExit {
    private final class Kept: Sendable {
        let values: [any Sendable]

        init(_ values: [any Sendable]) {
            self.values = values
        }
    }

    /// Keeps `values` from being freed: the reference taken here is never given back.
    static func keep(_ values: any Sendable...) {
        _ = Unmanaged.passRetained(Kept(values))
    }
}
