/// The checked risk- och känslighetsanalys: what the risks and känsligheter change,
/// resolved to the model's values.

/// A value a risk, a känslighet or a what-if may change. Without a column it is the
/// value in the column of the year analysed.
public enum ChangeTarget: Sendable, Hashable {
    case cell(post: Int, column: Int?)
    /// An area's total, taken as a whole (its lines are left as they are).
    case area(Int, column: Int?)
    case named(Int)
}

/// A distribution with its parameters resolved (evaluated in the base model, in the
/// sign and unit of the table the risk is written in).
public indirect enum ResolvedDistribution: Sendable {
    case triangular(min: ResolvedExpression, mode: ResolvedExpression, max: ResolvedExpression, span: SourceSpan)
    case uniform(min: ResolvedExpression, max: ResolvedExpression, span: SourceSpan)
    case normal(mean: ResolvedExpression, deviation: ResolvedExpression, span: SourceSpan)
    case lognormal(mean: ResolvedExpression, deviation: ResolvedExpression, span: SourceSpan)
    case event(probability: ResolvedExpression, then: ResolvedDistribution, span: SourceSpan)
    case fixed(ResolvedExpression, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .triangular(_, _, _, let span), .uniform(_, _, let span), .normal(_, _, let span),
             .lognormal(_, _, let span), .event(_, _, let span), .fixed(_, let span):
            span
        }
    }
}

/// A risk with numbers: its outcome is drawn from `distribution` and acts on `target`.
public struct QuantifiedRisk: Sendable {
    /// Index into `Model.risks`.
    public var risk: Int
    public var target: ChangeTarget
    /// The target as written, for reports.
    public var targetText: String
    /// True for `blir` (the outcome replaces the value), false for `med` (it is added).
    public var replaces: Bool
    public var distribution: ResolvedDistribution
    /// The sign of the table the risk is written in: its amounts are read in it.
    public var sign: SignConvention
    public var span: SourceSpan
    /// Set when the risk belongs to a scenario (it replaces the base's risk of the
    /// same name there, or is new); nil for the base.
    public var alternative: Int? = nil
}

/// One change of a känslighet (or a what-if).
public struct Change: Sendable {
    public enum Kind: Sendable {
        case set(ResolvedExpression)
        case increase(ResolvedExpression, points: Bool)
        case decrease(ResolvedExpression, points: Bool)
        case vanishes
    }
    public var target: ChangeTarget
    public var targetText: String
    public var kind: Kind
    public var sign: SignConvention
    public var span: SourceSpan
}

/// `känslighet "Löner +1 %" { … }`.
public struct Sensitivity: Sendable {
    public var label: String
    public var changes: [Change]
    public var span: SourceSpan
}

/// `korrelation A och B = 0,5`, between two quantified risks (indices into
/// `Model.quantifiedRisks`).
public struct Correlation: Sendable {
    public var first: Int
    public var second: Int
    public var coefficient: ResolvedExpression
    public var span: SourceSpan
}

/// A value to follow through the simulation (`följ`), besides the result.
public struct FollowedValue: Sendable {
    public var label: String
    public var expression: ResolvedExpression
    public var sign: SignConvention
    public var span: SourceSpan
}

/// The `simulering` block.
public struct SimulationSettings: Sendable {
    public var year: Int?
    public var yearSpan: SourceSpan?
    public var iterations: ResolvedExpression?
    public var seed: UInt64?
    public var followed: [FollowedValue] = []
    /// `resultat …`: what the result is (in the sign it is written in).
    public var result: FollowedValue?
    public var span: SourceSpan?
}

/// Everything the risk analysis needs beyond the budget itself.
public struct RiskAnalysisModel: Sendable {
    public var quantifiedRisks: [QuantifiedRisk] = []
    public var sensitivities: [Sensitivity] = []
    public var correlations: [Correlation] = []
    public var simulation = SimulationSettings()

    public var isEmpty: Bool { quantifiedRisks.isEmpty && sensitivities.isEmpty }
}
