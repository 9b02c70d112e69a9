/// The evaluated scenario: every value, every check, and the problems found while
/// evaluating. Amounts are in internal (result) sign unless a field says otherwise.
public struct Evaluation: Sendable {
    let columnCount: Int
    let cellValues: [Money]
    let cellPresent: [Bool]
    let areaValues: [Money?]
    /// Per column: the sum of every line of the file (top-level posts and areas).
    public var grandTotals: [Money?]
    /// Named values per column: `namedValues[named * columns + column]`, in the sign of
    /// the table that declares them.
    public var namedValues: [Value?]
    /// Per ram (model order): the ram in force (after revisions), positive net cost.
    public var rams: [Money?]
    /// Per ram: the ram as decided, before revisions.
    public var originalRams: [Money?]
    /// Per ram: each revision's amount, in the ram's revision order.
    public var revisionAmounts: [[Money?]]
    public var tolerance: Money
    public var bridges: [BridgeResult]
    public var reserves: [ReserveResult]
    public var balances: [BalanceResult]
    public var capitalGains: [CapitalGainsResult]
    public var carryOvers: [CarryOverResult]
    public var checks: [CheckResult]
    public var diagnostics: [Diagnostic]

    public func value(post: Int, column: Int) -> Money? {
        let index = post * columnCount + column
        return cellPresent[index] ? cellValues[index] : nil
    }

    public func total(area: Int, column: Int) -> Money? {
        areaValues[area * columnCount + column]
    }

    public var failedChecks: Int { checks.count { !$0.passed } }
}

/// One check of a figure as printed or decided against what Ramverk computes.
public struct CheckResult: Sendable {
    /// Raw values are the stable identifiers of the JSON output.
    public enum Kind: String, Sendable {
        case printedTotal
        case ram
        case bridge
        case bridgeTotal
        /// A value printed in a computed column, against its formula.
        case formula
        /// `förvänta`.
        case expectation
        /// `kontroll`.
        case condition
        /// `unika nummer`.
        case uniqueNumbers
        /// A reserve is not overdrawn.
        case reserve
        /// The balanskravsresultat is not negative.
        case balanceRequirement
        /// The result reaches the goal of god ekonomisk hushållning.
        case resultGoal
    }

    /// The figures of a check on plain numbers or percentages (then the money fields
    /// are zero).
    public struct NumberFigures: Sendable, Equatable {
        public var stated: Ratio
        public var computed: Ratio
        public var difference: Ratio
        public var percent: Bool
    }
    public var kind: Kind
    public var passed: Bool
    public var span: SourceSpan
    /// The model column the check is about, if one.
    public var column: Int?
    /// What was checked, in Swedish: "Summa Kommunstyrelsen, Budget 2020".
    public var subject: String
    /// The figure as printed or decided, in the sign it is shown in.
    public var stated: Money
    /// The figure as computed, in the same sign.
    public var computed: Money
    /// stated − computed.
    public var difference: Money
    /// For checks on numbers rather than amounts.
    public var numbers: NumberFigures? = nil
    /// For `kontroll`: how the two sides were compared (computed ⋚ stated).
    public var comparison: Comparison? = nil
    /// For checks without figures (unique numbers): what was found.
    public var detail: String? = nil
}

/// A ramförändring worked through: base − one-off items + changes, against the ram.
/// All amounts are net cost (positive = a larger frame).
public struct BridgeResult: Sendable {
    public struct Line: Sendable {
        public var text: String
        public var amount: Money?
    }
    public var year: Int
    public var baseLabel: String
    public var base: Money?
    public var oneOffs: [Line]
    public var changes: [Line]
    public var sumOfChanges: Money?
    public var printedTotal: Money?
    /// base − one-offs + changes.
    public var computedRam: Money?
    public var ram: Money?
    /// ram − base: the change the two frames actually show.
    public var actualChange: Money?
}

extension Evaluator {
    /// Evaluates the whole model and runs every check.
    public static func run(_ model: Model, tolerance toleranceExpression: ResolvedExpression?) -> Evaluation {
        var evaluator = Evaluator(model: model)
        return evaluator.evaluateAll(toleranceExpression)
    }

    mutating func evaluateAll(_ toleranceExpression: ResolvedExpression?) -> Evaluation {
        var tolerance = Money(ore: 100_000)
        if let toleranceExpression,
           let value = evaluateAmount(toleranceExpression, sign: .result, column: nil) {
            if value.ore < 0 { report(.negativeTolerance, toleranceExpression.span) } else { tolerance = value }
        }
        // Every profile is checked, used or not.
        for profile in model.profiles.indices { _ = shares(of: profile) }
        for post in 0..<model.posts.count {
            for column in 0..<columnCount { _ = cell(post, column, from: model.posts[post].span) }
        }
        var areaResults = [Money?](repeating: nil, count: model.areas.count * columnCount)
        for area in 0..<model.areas.count {
            for column in 0..<columnCount {
                areaResults[area * columnCount + column] = areaTotal(area, column, from: model.areas[area].span) ?? nil
            }
        }
        let fileStart = SourceSpan(file: 0, start: 0, end: 0)
        let grandTotals = (0..<columnCount).map { sum(model.topLevel, $0, span: fileStart) ?? nil }
        let rams = (0..<model.rams.count).map { ram($0, from: model.rams[$0].span) }
        // Without columns a named value is still evaluated once, so its errors show.
        if columnCount == 0 {
            for (index, declaration) in model.namedValues.enumerated() { _ = named(index, nil, from: declaration.span) }
        }
        var namedResults = [Value?](repeating: nil, count: model.namedValues.count * columnCount)
        for (index, declaration) in model.namedValues.enumerated() {
            for column in 0..<columnCount {
                namedResults[index * columnCount + column] = named(index, column, from: declaration.span)
                    .flatMap { value in
                        guard case .money(let money) = value else { return value }
                        return money.negatedIf(declaration.sign.factor < 0).map(Value.money)
                    }
            }
        }
        var checks: [CheckResult] = []
        checkPrintedTotals(into: &checks, tolerance: tolerance)
        checkFormulas(into: &checks, tolerance: tolerance)
        checkRams(rams, grandTotals, into: &checks)
        let bridges = model.bridges.map { workThrough($0, rams: rams, tolerance: tolerance, into: &checks) }
        let reserves = model.reserves.map { workThrough($0, into: &checks) }
        let capitalGains = model.capitalGains.map { workThrough($0) }
        let balances = model.balances.map { balance in
            workThrough(balance, gains: capitalGains.last { $0.year == balance.year }, tolerance: tolerance, into: &checks)
        }
        checkExpectations(into: &checks, tolerance: tolerance)
        checkConditions(into: &checks, tolerance: tolerance)
        checkUniqueNumbers(into: &checks)
        return Evaluation(columnCount: columnCount, cellValues: cellValues,
                          cellPresent: cellStates.map { $0 == .done },
                          areaValues: areaResults, grandTotals: grandTotals, namedValues: namedResults, rams: rams,
                          originalRams: originalRams, revisionAmounts: revisionAmounts,
                          tolerance: tolerance, bridges: bridges, reserves: reserves, balances: balances,
                          capitalGains: capitalGains, carryOvers: model.carryOvers.map { workThrough($0) },
                          checks: checks,
                          diagnostics: diagnostics)
    }
}
