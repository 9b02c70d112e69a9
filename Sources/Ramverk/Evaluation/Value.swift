/// A value during evaluation: an exact amount or an exact plain number.
public enum Value: Sendable, Equatable {
    /// What kind of plain number, which decides how it combines with amounts.
    public enum NumberKind: Sendable, Equatable {
        /// Written without unit: becomes an amount in this unit next to an amount.
        case bare(MoneyUnit)
        /// Written with % (or computed from one): never silently an amount.
        case percent
        /// Any other number (a quotient of amounts, a product of numbers).
        case plain
    }

    case money(Money)
    case number(Ratio, NumberKind)
}
