/// The syntax tree of one file, as written: nothing is resolved or evaluated yet.
public struct SyntaxTree: Sendable {
    public var file: Int32
    public var statements: [Statement]
    /// Every cell of the file's posts and totals, in written order. Statements refer to
    /// ranges of it, so a file of a million posts is not a million small arrays.
    public var cells: [Cell] = []
    /// The cells of the second part of a file read in two parts at once
    /// (`ParallelParse`), numbered from `laterCellsStart`: kept apart, so the checker can
    /// free the first part's cells once it has declared the first part's statements.
    public var laterCells: [Cell] = []
    public var laterCellsStart = Int32.max
    /// The index of the first statement of the second part (`statements.count` if none).
    public var laterStatementsStart = Int.max
    /// The column keys written in cells, each once (cells refer to them by index).
    public var cellKeys: [String] = []
    /// False when the file has no `inkludera` at all, so the loader need not walk a
    /// million statements looking for one.
    public var mayInclude = true
    /// How many `post` statements the parser read (an upper bound of the posts, for
    /// sizing the model without a walk over the tree).
    public var postCount = 0

    public init(file: Int32, statements: [Statement], cells: [Cell] = [], cellKeys: [String] = []) {
        self.file = file
        self.statements = statements
        self.cells = cells
        self.cellKeys = cellKeys
    }

    /// The cells of a post or total (never split between the parts).
    public func cells(of range: CellRange) -> ArraySlice<Cell> {
        if range.start >= laterCellsStart {
            let start = Int(range.start - laterCellsStart)
            return laterCells[start..<start + Int(range.count)]
        }
        return cells[Int(range.start)..<Int(range.start + range.count)]
    }

    /// The cell numbered `index`.
    public func cell(at index: Int) -> Cell {
        index >= Int(laterCellsStart) ? laterCells[index - Int(laterCellsStart)] : cells[index]
    }

    /// The key of a cell as written, with its place.
    public func key(of cell: Cell) -> Name {
        let text = cellKeys[Int(cell.keyIndex)]
        return Name(text: text, span: SourceSpan(file: file, start: Int(cell.keyStart),
                                                 end: Int(cell.keyStart) + text.utf8.count))
    }
}

/// Where a post's or total's cells are in `SyntaxTree.cells`.
public struct CellRange: Sendable, Equatable {
    public var start: Int32
    public var count: Int32
    public static let empty = CellRange(start: 0, count: 0)
}

/// A name in a box of its own, for a rarely used field of a common statement.
public final class NameBox: Sendable {
    public let name: Name
    public init(_ name: Name) { self.name = name }
}

/// A name or key as written, with where it was written.
public struct Name: Sendable, Equatable {
    public var text: String
    public var span: SourceSpan
}

/// One statement (Grammar/ramverk.ebnf, `statement`). The rare, large statements are
/// boxed so that the common one — a post — sets the size of every statement.
public enum Statement: Sendable {
    indirect case header(HeaderStatement)
    case unit(MoneyUnit, span: SourceSpan)
    case sign(SignConvention, span: SourceSpan)
    indirect case tolerance(Expression, span: SourceSpan)
    indirect case column(ColumnStatement)
    indirect case ram(RamStatement)
    indirect case namedValue(NamedValueStatement)
    case area(AreaStatement)
    case post(PostStatement)
    indirect case total(TotalStatement)
    indirect case bridge(BridgeStatement)
    indirect case include(IncludeStatement)
    indirect case expectation(ExpectationStatement)
    indirect case condition(ConditionStatement)
    case uniqueNumbers(span: SourceSpan)
    indirect case reserve(ReserveStatement)
    indirect case profile(ProfileStatement)
    indirect case revision(RevisionStatement)
    indirect case balance(BalanceStatement)
    indirect case risk(RiskStatement)
    indirect case capitalGains(CapitalGainsStatement)
    indirect case carryOver(CarryOverStatement)
    indirect case sensitivity(SensitivityStatement)
    indirect case correlation(CorrelationStatement)
    indirect case simulation(SimulationStatement)
    indirect case scenario(ScenarioStatement)
}

/// `överföring 2021 { budget Inv2021  utfall Utfall2021  beslut "KS …" Vattenplan }`:
/// unspent investment budget of ongoing projects carried into next year by decision.
public struct CarryOverStatement: Sendable {
    public enum Item: Sendable {
        case budgetColumn(Name)
        case actualColumn(Name)
        case decision(reference: String, referenceSpan: SourceSpan, projects: [Reference])
    }
    public var year: Int
    public var yearSpan: SourceSpan
    public var items: [Item]
    public var span: SourceSpan
}

/// `realisationsvinster 2021 { budget 10 000  utfall 14 500 }`: gains on sold fixed
/// assets, budgeted and actual, reported apart from the operating result.
public struct CapitalGainsStatement: Sendable {
    public enum Figure: String, Sendable { case budget, prognos, utfall }
    public var year: Int
    public var yearSpan: SourceSpan
    public var figures: [(figure: Figure, amount: Expression)]
    public var span: SourceSpan
}

/// Which way a risk can move the result.
public enum RiskDirection: String, Sendable {
    case negative = "negativ", positive = "positiv", both = "båda"
}

/// `risk Lokalbanken { beskrivning "…" riktning negativ täcks "…" }`: a risk named in
/// words (the risk analysis quantifies it with a distribution).
public struct RiskStatement: Sendable {
    public var name: Name
    public var description: String?
    public var direction: RiskDirection?
    public var coveredBy: String?
    /// What the risk does to the figures, when it is quantified.
    public var effect: RiskEffectSyntax?
    public var span: SourceSpan

    public init(name: Name, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

/// `balanskrav 2024 { … }`: the balanskravsutredning of a year, as RKR lays it out.
public struct BalanceStatement: Sendable {
    public enum Item: Sendable {
        /// Årets resultat.
        case result(Expression)
        /// Realisationsvinster, excluded from the balanskravsresultat by law.
        case capitalGains(Expression)
        /// A legal adjustment (synnerliga skäl, orealiserade förluster …), signed.
        case adjustment(text: String, Expression)
        /// Reservation to the resultatutjämningsreserv / resultatreserv (deducted).
        case toReserve(Expression)
        /// Use of the reserve (added).
        case fromReserve(Expression)
        /// Skatter, generella statsbidrag och utjämning: the base of the result goal.
        case taxRevenue(Expression)
        /// The result goal as a share of the tax revenue (2 %).
        case goal(Expression)
    }
    public var year: Int
    public var yearSpan: SourceSpan
    public var items: [(item: Item, span: SourceSpan)]
    public var span: SourceSpan
}

/// `justering 2020 { beslut "KF 2020-06-15 § 90" 1 434 "Tilläggsanslag" }`: the decisions
/// during a year that take its ram from ursprunglig to justerad budget.
public struct RevisionStatement: Sendable {
    public struct Decision: Sendable {
        public var reference: String
        public var referenceSpan: SourceSpan
        /// Signed: a tilläggsanslag raises the frame, a carried-over deficit lowers it.
        public var amount: Expression
        public var note: String?
        public var span: SourceSpan
    }
    public var year: Int
    public var yearSpan: SourceSpan
    public var decisions: [Decision]
    public var span: SourceSpan
}

/// `profil Säsong = 12 %, 8 %, …`: how a year's budget is spread over its twelve months.
public struct ProfileStatement: Sendable {
    public var name: Name
    public var shares: [Expression]
    public var span: SourceSpan
}

/// `reserv "Kommunstyrelsens reserv".2021 { beslut … }`: a reserve (a post of the
/// budget) and the decisions that draw on it.
public struct ReserveStatement: Sendable {
    public struct Decision: Sendable {
        /// Where the money goes: a post of the nämnd (budget-neutral) or outside it.
        public enum Destination: Sendable {
            case post(Reference)
            case external(String)
        }
        public var reference: String
        public var referenceSpan: SourceSpan
        public var amount: Expression
        public var destination: Destination
        public var note: String?
        public var span: SourceSpan
    }
    public var post: Reference
    public var decisions: [Decision]
    public var span: SourceSpan
}

/// `förvänta "text" uttryck = uttryck ± uttryck`: a figure stated in the document's
/// text (or by the user), checked like a printed total.
public struct ExpectationStatement: Sendable {
    public var label: String?
    public var actual: Expression
    public var expected: Expression
    public var tolerance: Expression?
    public var span: SourceSpan
}

/// How a `kontroll` compares its two sides.
public enum Comparison: String, Sendable {
    case less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥", equal = "=", notEqual = "≠"
}

/// `kontroll "text" uttryck ≤ uttryck`: a condition that must hold.
public struct ConditionStatement: Sendable {
    public var label: String?
    public var left: Expression
    public var comparison: Comparison
    public var right: Expression
    public var span: SourceSpan
}

/// `kommun Haninge`, `nämnd Kommunstyrelsen`.
public struct HeaderStatement: Sendable {
    /// `styrelse` is a committee too.
    public enum Kind: String, Sendable { case municipality = "kommun", committee = "nämnd" }
    public var kind: Kind
    public var name: Name
    public var span: SourceSpan
}

/// `kolumn 2021 "Budget 2021"`, `kolumn Budget "Budget 2024" år 2024`, or a computed
/// column `kolumn Avvikelse = Prognos − Budget` (printed values in it are checked).
public struct ColumnStatement: Sendable {
    public var key: Name
    public var label: String?
    public var year: Int?
    /// `period 2024-04`: the column holds the year up to and including that month.
    public var period: (year: Int, month: Int, span: SourceSpan)?
    public var formula: Expression?
    public var span: SourceSpan
}

/// `ram 2021 = 247 000 enligt "KF 2020-11-09 § 185"`.
public struct RamStatement: Sendable {
    public var year: Int
    public var yearSpan: SourceSpan
    public var amount: Expression
    public var decision: String?
    public var span: SourceSpan
}

/// `låt trygghet = 10,0 mnkr`.
public struct NamedValueStatement: Sendable {
    public var name: Name
    public var value: Expression
    public var span: SourceSpan
    /// Written `antagande`: an assumption of the risk analysis (löneökning, skattesats).
    public var isAssumption = false
}

/// `område Förtroendemannaorganisation { … }`.
public struct AreaStatement: Sendable {
    public var name: Name
    public var body: [Statement]
    public var span: SourceSpan
}

/// `key: expression` inside a post or a total. Compact (40 bytes): the key is an index
/// into `SyntaxTree.cellKeys` and the offset where it is written.
public struct Cell: Sendable {
    public var keyIndex: Int32
    public var keyStart: Int32
    public var value: Expression
}

/// `post Kommunfullmäktige 2020: 3 461 2021: 3 513`.
public struct PostStatement: Sendable {
    public var name: Name
    public var cells: CellRange
    /// `profil Säsong` after the cells: the post's monthly profile. Boxed: few posts
    /// have one, and every post statement pays for the field.
    public var profileBox: NameBox?
    public var profile: Name? { profileBox?.name }
    public var span: SourceSpan
}

/// `summa 2020: 37 510 2021: 58 357` — the total as printed.
public struct TotalStatement: Sendable {
    public var label: String?
    public var cells: CellRange
    public var span: SourceSpan
}

/// `ramförändring 2021 { … }`.
public struct BridgeStatement: Sendable {
    public enum Item: Sendable {
        case base(Expression, span: SourceSpan)
        case change(text: String, amount: Expression, span: SourceSpan)
        case oneOff(text: String, amount: Expression, span: SourceSpan)
        case printedTotal(Expression, span: SourceSpan)
    }
    public var year: Int
    public var yearSpan: SourceSpan
    public var items: [Item]
    public var span: SourceSpan
}

/// `inkludera "antaganden.ramverk"`.
public struct IncludeStatement: Sendable {
    public var path: String
    public var pathSpan: SourceSpan
    public var span: SourceSpan
}

/// A reference to a post, area, named value or column: `Folkhälsa`,
/// `Förtroendemannaorganisation.Folkhälsa.2021`, `"Kommunstyrelsens reserv".2020`.
public struct Reference: Sendable, Equatable {
    public var segments: [Name]
    public var span: SourceSpan
    public var text: String { segments.map(\.text).joined(separator: ".") }
}

public enum BinaryOperator: Sendable {
    case add, subtract, multiply, divide
}

/// An expression (Grammar: `expression`). Only the recursive cases are boxed, so a
/// plain number in a cell costs no allocation.
public enum Expression: Sendable {
    case number(NumberLiteral, span: SourceSpan)
    case reference(Reference)
    case sum([Reference], span: SourceSpan)
    case ram(year: Int, span: SourceSpan)
    /// `periodandel(4)`: the share of the year's budget in its first months; with no
    /// months, those of the formula column's period.
    indirect case periodShare(Expression?, span: SourceSpan)
    indirect case withUnit(Expression, MoneyUnit, span: SourceSpan)
    indirect case percent(Expression, span: SourceSpan)
    indirect case negate(Expression, span: SourceSpan)
    indirect case binary(BinaryOperator, Expression, Expression, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .number(_, let span), .sum(_, let span), .ram(_, let span), .periodShare(_, let span),
             .withUnit(_, _, let span), .percent(_, let span), .negate(_, let span),
             .binary(_, _, _, let span):
            span
        case .reference(let reference):
            reference.span
        }
    }
}
