/// The statements of the risk- och känslighetsanalys, as written: assumptions are
/// `låt` values marked as such (`NamedValueStatement.isAssumption`), the rest is here.

/// A distribution as written in a risk: every parameter is an expression, evaluated
/// in the base model (so `max Lokalbanken.2021 × 20 %` is allowed).
public indirect enum DistributionSyntax: Sendable {
    /// `triangel min A troligast B max C`.
    case triangular(min: Expression, mode: Expression, max: Expression, span: SourceSpan)
    /// `likformig min A max B`.
    case uniform(min: Expression, max: Expression, span: SourceSpan)
    /// `normal medel A standardavvikelse B`.
    case normal(mean: Expression, deviation: Expression, span: SourceSpan)
    /// `lognormal medel A standardavvikelse B`: the mean and deviation of the value itself.
    case lognormal(mean: Expression, deviation: Expression, span: SourceSpan)
    /// `händelse sannolikhet P belopp A` or `händelse sannolikhet P <distribution>`:
    /// happens with probability P, otherwise nothing.
    case event(probability: Expression, then: DistributionSyntax, span: SourceSpan)
    /// `belopp A`: a fixed amount (the outcome of an event).
    case fixed(Expression, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .triangular(_, _, _, let span), .uniform(_, _, let span), .normal(_, _, let span),
             .lognormal(_, _, let span), .event(_, _, let span), .fixed(_, let span):
            span
        }
    }
}

/// `påverkar Lokalbanken.2021 med triangel …`: what a risk's draw acts on. With `med`
/// the draw is added to the value the file gives; with `blir` it replaces it.
public struct RiskEffectSyntax: Sendable {
    public var target: Reference
    public var replaces: Bool
    public var distribution: DistributionSyntax
    public var span: SourceSpan
}

/// One change of a känslighet or a what-if: `Löner ökar med 1 %`, `Reavinster uteblir`,
/// `skattesats = 20,03`.
public struct ChangeSyntax: Sendable {
    public enum Kind: Sendable {
        /// `= uttryck`, evaluated in the base model.
        case set(Expression)
        /// `ökar med` / `minskar med` (a negative `amount` for minskar is applied by
        /// the evaluator); `points` when written in procentenheter.
        case increase(Expression, points: Bool)
        case decrease(Expression, points: Bool)
        /// `uteblir`: the value becomes zero.
        case vanishes
    }
    public var target: Reference
    public var kind: Kind
    public var span: SourceSpan
}

/// `känslighet "Löner +1 %" { … }`: a factor of the känslighetsanalys and the changes it
/// makes; its effect on the result is computed by evaluating the changed model.
public struct SensitivityStatement: Sendable {
    public var label: String
    public var changes: [ChangeSyntax]
    public var span: SourceSpan
}

/// `korrelation Lokalbanken och Evakueringskostnader = 0,5`.
public struct CorrelationStatement: Sendable {
    public var first: Name
    public var second: Name
    public var coefficient: Expression
    public var span: SourceSpan
}

/// `simulering { år 2021  resultat Driftredovisning  iterationer 100 000  frö 42
/// följ "Nettokostnad" Sammanställning }`.
public struct SimulationStatement: Sendable {
    public enum Item: Sendable {
        case year(Int, SourceSpan)
        case iterations(Expression)
        /// A whole number, written as one (no digit groups: it is no amount).
        case seed(UInt64, SourceSpan)
        case follow(label: String?, Expression, SourceSpan)
        /// What the result is, when not a ram's or a balanskrav's.
        case result(Expression)
    }
    public var items: [Item]
    public var span: SourceSpan
}
