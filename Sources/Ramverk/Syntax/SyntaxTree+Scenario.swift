/// `scenario "Alt B" utgår från "Alt A" { … }`: an alternative written as only what
/// differs from the base (the file without scenarios) or from another scenario.
public struct ScenarioStatement: Sendable {
    public enum Item: Sendable {
        /// `Folkhälsa.2021 = 800`, `Tolk ökar med 10 %`, `Reavinster uteblir`.
        case change(ChangeSyntax)
        /// `ram 2021 = 250 mnkr`: the ram of a year, as decided in the alternative.
        case ram(year: Int, yearSpan: SourceSpan, amount: Expression, span: SourceSpan)
        /// `ta bort Tolk`: a post that the alternative does not have.
        case removal(Reference, span: SourceSpan)
        /// `post …` (a new line), `område Befintligt { post … }` (new lines in an area
        /// of the base), `risk …` (a risk replaced or added).
        case statement(Statement)
    }
    public var name: Name
    /// The scenario this one builds on; nil = the base.
    public var base: Name?
    public var items: [Item]
    public var span: SourceSpan
}
