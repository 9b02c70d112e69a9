/// A scenario (`scenario "Alt B" { … }`) checked against the base: what it changes,
/// resolved to the model's values. Posts it adds are posts of the model that only this
/// alternative has (`Post.alternative`).
public struct Alternative: Sendable {
    public var name: String
    public var span: SourceSpan
    /// The alternative it builds on (index into `Model.alternatives`); nil = the base.
    public var base: Int?
    public var changes: [Change] = []
    /// `ram 2021 = …`: the ram of a year as the alternative decides it (net-cost sign).
    public var rams: [(ram: Int, amount: ResolvedExpression, span: SourceSpan)] = []
    public var removedPosts: [(post: Int, span: SourceSpan)] = []
    /// Decisions drawing on reserves in the alternative, added to the base's.
    public var reserves: [Reserve] = []
    /// Risks of the base quantified otherwise in the alternative (same `risk` index).
    public var risks: [QuantifiedRisk] = []

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}
