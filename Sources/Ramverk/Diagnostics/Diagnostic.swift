/// How serious a diagnostic is. The raw values are the Swedish words users see.
public enum Severity: String, Sendable, Comparable {
    case error = "fel"
    case warning = "varning"
    case note = "not"

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A problem found in a scenario, as data. Rendered in one place
/// (`DiagnosticRenderer`); the library never prints.
public struct Diagnostic: Sendable, Equatable {
    /// A secondary place that explains the primary one ("deklarerad här").
    public struct Note: Sendable, Equatable {
        public var message: String
        public var span: SourceSpan?
    }

    public var problem: Problem
    public var span: SourceSpan?
    public var notes: [Note]

    public init(_ problem: Problem, at span: SourceSpan?, notes: [Note] = []) {
        self.problem = problem
        self.span = span
        self.notes = notes
    }

    public var severity: Severity { problem.severity }
    public var code: String { problem.code }
    public var message: String { problem.message }
    public var help: String? { problem.help }
}

/// Collects diagnostics of one run, in the order found.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func report(_ problem: Problem, at span: SourceSpan?, notes: [Diagnostic.Note] = []) {
        items.append(Diagnostic(problem, at: span, notes: notes))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
}
