import Synchronization

/// One file of a `kontrollera` run, as data for the renderers: its problems and the
/// checks that do not hold. Only what the output needs is kept (not the model or the
/// report), so a run over many files stays small.
public struct CheckedFile: Sendable {
    /// What the file's run came to; for a path the exit code is made of.
    public enum Status: String, Sendable, Comparable {
        case ok
        case checkFailed
        case error
        case unreadable

        private var rank: Int {
            switch self {
            case .ok: 0
            case .checkFailed: 1
            case .error: 2
            case .unreadable: 3
            }
        }

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    }

    /// The path as found (as given, or joined under the folder given).
    public var path: String
    /// Why the path gave no scenario; then there is nothing else.
    public var readError: FileReadError?
    public var sources: SourceSet
    /// In the order the pipeline found them (file order within each stage).
    public var diagnostics: [Diagnostic]
    /// The file's display unit, in which failed checks are worded.
    public var unit: MoneyUnit
    /// How many checks were made (none when the file has errors).
    public var checkCount: Int
    public var failedChecks: [CheckResult]

    public var status: Status {
        if readError != nil { return .unreadable }
        if diagnostics.contains(where: { $0.severity == .error }) { return .error }
        return failedChecks.isEmpty ? .ok : .checkFailed
    }

    public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
}

/// The counts of a whole run, for the summary line and the exit code.
public struct BatchTally: Sendable, Equatable {
    /// Scenario files read (unreadable paths are counted apart).
    public var files = 0
    public var unreadable = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var checks = 0
    public var failedChecks = 0

    public init() {}
}

/// Every file of a `kontrollera` run, in the order found.
public struct BatchResult: Sendable {
    public var files: [CheckedFile]

    public var tally: BatchTally {
        var tally = BatchTally()
        for file in files {
            if file.readError != nil {
                tally.unreadable += 1
                continue
            }
            tally.files += 1
            tally.errors += file.count(.error)
            tally.warnings += file.count(.warning)
            tally.notes += file.count(.note)
            tally.checks += file.checkCount
            tally.failedChecks += file.failedChecks.count
        }
        return tally
    }

    /// The most severe status of any file; with `warningsAsErrors` a warning counts as
    /// an error.
    public func outcome(warningsAsErrors: Bool) -> CheckedFile.Status {
        var worst = CheckedFile.Status.ok
        for file in files {
            worst = max(worst, file.status)
            if warningsAsErrors, file.count(.warning) > 0 { worst = max(worst, .error) }
        }
        return worst
    }
}

/// The driver of `ramverk kontrollera`: each scenario file through the whole pipeline
/// (`Pipeline.run`), every check included.
public enum BatchCheck {
    /// Runs every entry. Files are independent, so they are run concurrently, on as
    /// many cores as there are; each result goes to its own slot, so the order of the
    /// output is the order of `entries` whatever order the files finish in.
    public static func run(_ entries: [ScenarioFinder.Entry],
                           fileSystem: any FileSystem = LocalFileSystem()) -> BatchResult {
        let slots = Mutex<[CheckedFile?]>(Array(repeating: nil, count: entries.count))
        WorkerPool.shared.perform(entries.count) { index in
            let checked = check(entries[index], fileSystem: fileSystem)
            slots.withLock { $0[index] = checked }
        }
        return BatchResult(files: slots.withLock { $0.compactMap { $0 } })
    }

    /// Every scenario of the file, with the base's checks: what fails in a scenario but
    /// not in the base is reported under the scenario's name (what fails in both was
    /// reported for the base). No simulation: a check needs none.
    static func checkAlternatives(_ model: Model, _ run: ScenarioRun, into checked: inout CheckedFile) {
        let (outcomes, problems) = Alternatives.run(model, tolerance: run.tolerance, options: .init(simulate: false))
        checked.diagnostics += problems
        guard let base = outcomes.first else { return }
        let failing = Set(base.evaluation.checks.filter { !$0.passed }.map(\.subject))
        for outcome in outcomes.dropFirst() {
            checked.checkCount += outcome.evaluation.checks.count
            for var check in outcome.evaluation.checks where !check.passed && !failing.contains(check.subject) {
                check.subject = "\(outcome.name): \(check.subject)"
                checked.failedChecks.append(check)
            }
        }
    }

    /// One entry through the pipeline.
    public static func check(_ entry: ScenarioFinder.Entry, fileSystem: any FileSystem) -> CheckedFile {
        var checked = CheckedFile(path: entry.path, readError: nil, sources: SourceSet(), diagnostics: [],
                                  unit: .tkr, checkCount: 0, failedChecks: [])
        switch entry {
        case .unreadable(_, let error):
            checked.readError = error
        case .file(let path):
            switch Pipeline.run(path: path, fileSystem: fileSystem) {
            case .failure(let error):
                checked.readError = error
            case .success(let run):
                checked.sources = run.sources
                checked.diagnostics = run.diagnostics
                checked.unit = run.model?.displayUnit ?? .tkr
                checked.checkCount = run.evaluation?.checks.count ?? 0
                checked.failedChecks = run.evaluation?.checks.filter { !$0.passed } ?? []
                if let model = run.model, !model.alternatives.isEmpty, !run.hasErrors {
                    checkAlternatives(model, run, into: &checked)
                }
            }
        }
        return checked
    }
}
