/// The checked model of a scenario: every name resolved, every unit and sign applied,
/// laid out in flat arrays (areas, posts, a posts × columns cell matrix) so a model of
/// a million posts stays compact. Built by `Checker`, evaluated by `Evaluator`.
public struct Model: Sendable {
    public var sources: SourceSet
    public var municipality: String?
    public var committee: String?
    /// The unit reports are shown in: the first `enhet` at file level (tkr by default).
    public var displayUnit: MoneyUnit = .tkr
    /// The sign convention at file level, for headers.
    public var displaySign: SignConvention = .netCost
    /// How far a printed figure may lie from the computed one (`tolerans`).
    public var tolerance = Money(ore: 100_000)

    public var columns: [Column] = []
    public var areas: [Area] = []
    public var posts: [Post] = []
    /// Row-major: `cells[post * columns.count + column]`.
    public var cells: [CellSource] = []
    public var namedValues: [NamedValue] = []
    public var rams: [Ram] = []
    public var bridges: [Bridge] = []
    /// `förvänta` statements, in file order.
    public var expectations: [Expectation] = []
    /// `kontroll` statements, in file order.
    public var conditions: [Condition] = []
    /// Monthly profiles (`profil`), and which posts follow one (sparse: most follow none
    /// and are spread evenly).
    public var profiles: [Profile] = []
    public var postProfiles: [Int: Int] = [:]
    /// Risks named in words, in file order.
    public var risks: [RiskStatement] = []
    /// Quantified risks, känsligheter, correlations and the simulation settings.
    public var riskAnalysis = RiskAnalysisModel()
    /// The scenarios of the file, in file order.
    public var alternatives: [Alternative] = []
    /// Posts that only a scenario has (empty in the base).
    public var alternativePosts: [Int] = []
    /// Överföringar of unspent investment budget, one a year.
    public var carryOvers: [CarryOver] = []
    /// Realisationsvinster per year.
    public var capitalGains: [CapitalGains] = []
    /// Balanskravsutredningar, one a year.
    public var balances: [Balance] = []
    /// Reserves and the decisions drawing on them.
    public var reserves: [Reserve] = []
    /// Where `unika nummer` was written: the area (nil = the whole file).
    public var uniqueNumberScopes: [(area: Int?, span: SourceSpan)] = []
    /// Top-level items in file order.
    public var topLevel: [Member] = []

    /// The column whose year is `year`, if any.
    public func column(forYear year: Int) -> Int? {
        columns.firstIndex { $0.year == year }
    }

    public func cell(post: Int, column: Int) -> CellSource {
        cells[post * columns.count + column]
    }

    /// The path of an area or post for messages: "Sammanställning.Folkhälsa".
    public func path(of member: Member) -> String {
        var parts: [String] = []
        var area: Int?
        switch member {
        case .post(let p): parts.append(posts[p].name); area = posts[p].area
        case .area(let a): area = a
        case .named(let n): parts.append(namedValues[n].name); area = namedValues[n].area
        }
        while let current = area {
            parts.append(areas[current].name)
            area = areas[current].parent
        }
        return parts.reversed().joined(separator: ".")
    }
}

/// Something an area (or the file) holds, in written order.
public enum Member: Sendable, Hashable {
    case area(Int)
    case post(Int)
    case named(Int)
}

/// A column of the tables (`kolumn 2021 "Budget 2021"`), computed per post when it has a
/// formula (`kolumn Avvikelse = Prognos − Budget`).
public struct Column: Sendable {
    public var key: String
    public var label: String
    public var year: Int?
    public var span: SourceSpan?
    public var formula: ResolvedExpression?
    /// The formula as written, for messages.
    public var formulaText: String?
    /// For a follow-up column (`period 2024-04`): the year up to that month.
    public var period: (year: Int, month: Int)?
}

/// `förvänta`: a stated figure and the expression that should give it.
public struct Expectation: Sendable {
    public var label: String?
    public var span: SourceSpan
    public var sign: SignConvention
    public var actual: ResolvedExpression
    public var expected: ResolvedExpression
    public var tolerance: ResolvedExpression?
    /// Half a unit in the last written decimal of a stated percentage or number.
    public var impliedTolerance: Ratio?
    /// The statement's text as written, for the report when it has no label.
    public var text: String
}

/// `kontroll`: a condition that must hold.
public struct Condition: Sendable {
    public var label: String?
    public var span: SourceSpan
    public var sign: SignConvention
    public var left: ResolvedExpression
    public var comparison: Comparison
    public var right: ResolvedExpression
    public var text: String
}

/// An område: a group of posts and areas, with the total as printed if given.
public struct Area: Sendable {
    public var name: String
    public var span: SourceSpan
    public var parent: Int?
    public var members: [Member] = []
    public var sign: SignConvention
    public var printedTotal: PrintedTotal?
}

/// A `summa` line: the figures the document prints for an area, per column
/// (in the area's sign, as written).
public struct PrintedTotal: Sendable {
    public var label: String?
    public var span: SourceSpan
    /// Per column: the printed expression, if the line has one for that column.
    public var cells: [CellSource]
}

/// A post (line of a table).
public struct Post: Sendable {
    public var name: String
    public var span: SourceSpan
    public var sign: SignConvention
    /// Indices kept in 32 bits, -1 for none: a model holds a million posts, and two
    /// optional `Int`s made each 64 bytes instead of 40.
    private var areaIndex: Int32
    private var alternativeIndex: Int32 = -1

    public init(name: String, span: SourceSpan, area: Int?, sign: SignConvention, alternative: Int? = nil) {
        self.name = name
        self.span = span
        self.sign = sign
        self.areaIndex = Int32(area ?? -1)
        self.alternativeIndex = Int32(alternative ?? -1)
    }

    public var area: Int? {
        get { areaIndex < 0 ? nil : Int(areaIndex) }
        set { areaIndex = Int32(newValue ?? -1) }
    }

    /// Set for a post that only a scenario has (index into `Model.alternatives`).
    public var alternative: Int? {
        get { alternativeIndex < 0 ? nil : Int(alternativeIndex) }
        set { alternativeIndex = Int32(newValue ?? -1) }
    }
}

/// Where a cell's value comes from. Literals are converted at check time (the common
/// case costs nothing at evaluation); expressions are evaluated on demand.
public enum CellSource: Sendable {
    case empty
    /// An amount already in internal (result) sign.
    case literal(Money)
    /// An index into `Model.expressions`, written in the cell's sign convention.
    case expression(ResolvedExpression, sign: SignConvention)
}

/// `låt name = expression`.
public struct NamedValue: Sendable {
    public var name: String
    public var span: SourceSpan
    public var area: Int?
    public var sign: SignConvention
    public var expression: ResolvedExpression
    /// Declared with `antagande`: an assumption of the risk analysis.
    public var isAssumption = false
}

/// `ram 2021 = 247 000 enligt "…"`: always a positive net-cost frame.
public struct Ram: Sendable {
    /// A decision during the year that changes the ram (`justering`).
    public struct Revision: Sendable {
        public var reference: String
        public var date: String
        public var span: SourceSpan
        /// Signed, net cost: positive raises the frame.
        public var amount: ResolvedExpression
        public var note: String?
    }
    public var year: Int
    public var span: SourceSpan
    public var decision: String?
    public var expression: ResolvedExpression
    /// In date order; the ram in force is the ram as decided plus these.
    public var revisions: [Revision] = []
}

/// `ramförändring 2021 { … }`.
public struct Bridge: Sendable {
    public struct Item: Sendable {
        public var text: String
        public var span: SourceSpan
        public var amount: ResolvedExpression
    }
    public var year: Int
    public var span: SourceSpan
    /// The stated starting point (`från`), else ram(year − 1).
    public var base: ResolvedExpression?
    public var baseSpan: SourceSpan?
    public var changes: [Item]
    public var oneOffs: [Item]
    public var printedTotal: ResolvedExpression?
    public var printedTotalSpan: SourceSpan?
}

/// An expression with its names resolved to model entities.
public indirect enum ResolvedExpression: Sendable {
    /// A number without unit: a plain number that becomes an amount in `unit` where an
    /// amount is needed ("20 500" in a tkr table).
    case bareNumber(Ratio, unit: MoneyUnit, span: SourceSpan)
    case money(Money, span: SourceSpan)
    case percent(Ratio, span: SourceSpan)
    case post(Int, column: Int?, span: SourceSpan)
    case areaTotal(Int, column: Int?, span: SourceSpan)
    case named(Int, column: Int?, span: SourceSpan)
    case ram(Int, span: SourceSpan)
    /// In a column formula: the same post's value in another column.
    case rowColumn(Int, span: SourceSpan)
    /// `periodandel(n)`: the share of the year in its first n months.
    case periodShare(ResolvedExpression, span: SourceSpan)
    case sum([ResolvedExpression], span: SourceSpan)
    case withUnit(ResolvedExpression, MoneyUnit, span: SourceSpan)
    case percentOf(ResolvedExpression, span: SourceSpan)
    case negate(ResolvedExpression, span: SourceSpan)
    case binary(BinaryOperator, ResolvedExpression, ResolvedExpression, span: SourceSpan)
    /// Stands in for an expression that had an error at check time.
    case invalid(span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .bareNumber(_, _, let span), .money(_, let span), .percent(_, let span),
             .post(_, _, let span), .areaTotal(_, _, let span), .named(_, _, let span),
             .ram(_, let span), .rowColumn(_, let span), .periodShare(_, let span), .sum(_, let span),
             .withUnit(_, _, let span),
             .percentOf(_, let span), .negate(_, let span), .binary(_, _, _, let span),
             .invalid(let span):
            span
        }
    }
}

/// A reserve: a post whose value in one column decisions draw on.
public struct Reserve: Sendable {
    public struct Decision: Sendable {
        public enum Destination: Sendable {
            case post(Int)
            case external(String)
        }
        public var reference: String
        /// The decision's date as written in its reference ("2021-03-15"), for ordering.
        public var date: String
        public var span: SourceSpan
        public var amount: ResolvedExpression
        public var sign: SignConvention
        public var destination: Destination
        public var note: String?
    }
    public var post: Int
    public var column: Int
    public var span: SourceSpan
    /// In date order (file order for the same date).
    public var decisions: [Decision]
}

/// `profil Säsong = 12 %, 8 %, …`: twelve monthly shares of a year's budget.
public struct Profile: Sendable {
    public var name: String
    public var span: SourceSpan
    public var shares: [ResolvedExpression]
}

/// `balanskrav 2024 { … }` resolved; amounts in result sign (a surplus is positive).
public struct Balance: Sendable {
    public var year: Int
    public var span: SourceSpan
    public var result: ResolvedExpression?
    public var capitalGains: ResolvedExpression?
    public var adjustments: [(text: String, amount: ResolvedExpression)]
    public var toReserve: ResolvedExpression?
    public var fromReserve: ResolvedExpression?
    public var taxRevenue: ResolvedExpression?
    public var goal: ResolvedExpression?
}

/// `realisationsvinster 2021 { … }` resolved.
public struct CapitalGains: Sendable {
    public var year: Int
    public var span: SourceSpan
    public var budget: ResolvedExpression?
    public var forecast: ResolvedExpression?
    public var actual: ResolvedExpression?
}

/// `överföring 2021 { … }` resolved: which columns hold budget and utfall, and which
/// projects decisions carry over.
public struct CarryOver: Sendable {
    public var year: Int
    public var span: SourceSpan
    public var budgetColumn: Int
    public var actualColumn: Int
    /// Post → the decision that carries it.
    public var decisions: [Int: String]
}
