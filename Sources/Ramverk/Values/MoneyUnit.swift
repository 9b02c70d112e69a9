/// The unit a table's amounts are written in (`enhet tkr`).
public enum MoneyUnit: String, Sendable, CaseIterable {
    case kr, tkr, mnkr, mdkr

    /// How many öre one of this unit is.
    public var ore: Int64 {
        switch self {
        case .kr: 100
        case .tkr: 100_000
        case .mnkr: 100_000_000
        case .mdkr: 100_000_000_000
        }
    }

    /// How many decimals a literal in this unit may have and still be whole öre.
    public var exactDecimals: Int {
        switch self {
        case .kr: 2
        case .tkr: 5
        case .mnkr: 8
        case .mdkr: 11
        }
    }

    /// Decimals shown in reports: whole kr and tkr, one decimal for mnkr and mdkr
    /// ("247,0 mnkr"), as the documents print them.
    public var displayDecimals: Int {
        switch self {
        case .kr, .tkr: 0
        case .mnkr, .mdkr: 1
        }
    }
}

/// The sign convention a table is printed in (DOMAIN.md, "Sign conventions").
/// Internally every amount is in result sign: income positive, cost negative.
public enum SignConvention: String, Sendable, CaseIterable {
    /// Cost positive, as a driftbudget of net costs (Haninge's tables).
    case netCost = "nettokostnad"
    /// Ledger sign: income negative, cost positive (Haninge's finansförvaltning).
    case ledger = "bokföring"
    /// Result sign: income positive, cost negative (Vaggeryd).
    case result = "resultat"

    /// Multiplier from printed to internal (result) sign, and back.
    public var factor: Int64 { self == .result ? 1 : -1 }

    /// A Swedish phrase for report headers.
    public var phrase: String {
        switch self {
        case .netCost: "nettokostnad, kostnad positiv"
        case .ledger: "bokföringstecken, intäkt negativ"
        case .result: "resultattecken, kostnad negativ"
        }
    }
}
