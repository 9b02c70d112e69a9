/// The balanskravsutredning worked through (RKR's layout), in result sign.
public struct BalanceResult: Sendable {
    public var year: Int
    public var result: Money?
    public var capitalGains: Money?
    /// Resultat exklusive realisationsvinster: what a single nämnd is judged by.
    public var resultExcludingCapitalGains: Money?
    public var adjustments: [(text: String, amount: Money?)]
    public var toReserve: Money?
    public var fromReserve: Money?
    public var balanceResult: Money?
    public var taxRevenue: Money?
    public var goal: Ratio?
    /// goal × taxRevenue: the result god ekonomisk hushållning asks for.
    public var goalAmount: Money?
}

/// Realisationsvinster of a year: budget, prognos and utfall, and utfall − budget.
public struct CapitalGainsResult: Sendable {
    public var year: Int
    public var budget: Money?
    public var forecast: Money?
    public var actual: Money?
    /// utfall (else prognos) − budget: positive when the sales brought more.
    public var deviation: Money?

    /// What the year's balanskrav deducts: utfall, else prognos, else budget.
    public var best: Money? { actual ?? forecast ?? budget }
}

extension Evaluator {
    mutating func workThrough(_ gains: CapitalGains) -> CapitalGainsResult {
        let column = model.column(forYear: gains.year)
        func amount(_ expression: ResolvedExpression?) -> Money? {
            expression.flatMap { evaluateAmount($0, sign: .result, column: column, keepSign: true) }
        }
        var result = CapitalGainsResult(year: gains.year, budget: amount(gains.budget), forecast: amount(gains.forecast),
                                        actual: amount(gains.actual))
        if let outcome = result.actual ?? result.forecast, let budget = result.budget {
            result.deviation = outcome.subtracting(budget)
        }
        return result
    }

    /// `gains`: the realisationsvinster of the year, used when the block names none.
    mutating func workThrough(_ balance: Balance, gains: CapitalGainsResult?, tolerance: Money,
                              into checks: inout [CheckResult]) -> BalanceResult {
        let result = figures(of: balance, gains: gains)
        if let value = result.balanceResult {
            checks.append(CheckResult(kind: .balanceRequirement, passed: value.ore >= 0, span: balance.span,
                                      subject: "Balanskravsresultat \(balance.year)", stated: .zero, computed: value,
                                      difference: Money.zero.subtracting(value) ?? .zero, comparison: .greaterOrEqual))
        }
        if let yearResult = result.result, let goal = result.goal, let goalAmount = result.goalAmount {
            checks.append(CheckResult(kind: .resultGoal, passed: yearResult >= goalAmount, span: balance.span,
                                      subject: "Resultatmål \(balance.year): resultat minst \(SwedishNumberFormat.percent(goal)) av skatteintäkterna",
                                      stated: goalAmount, computed: yearResult,
                                      difference: goalAmount.subtracting(yearResult) ?? .zero, comparison: .greaterOrEqual))
        }
        return result
    }

    /// The figures of a balanskravsutredning without its checks (a simulation asks for
    /// them once an iteration).
    mutating func figures(of balance: Balance, gains: CapitalGainsResult?) -> BalanceResult {
        let column = model.column(forYear: balance.year)
        func amount(_ expression: ResolvedExpression?) -> Money? {
            expression.flatMap { evaluateAmount($0, sign: .result, column: column, keepSign: true) }
        }
        var result = BalanceResult(year: balance.year, adjustments: [])
        result.result = amount(balance.result)
        result.capitalGains = balance.capitalGains.map { amount($0) } ?? gains?.best
        result.adjustments = balance.adjustments.map { ($0.text, amount($0.amount)) }
        result.toReserve = amount(balance.toReserve)
        result.fromReserve = amount(balance.fromReserve)
        result.taxRevenue = amount(balance.taxRevenue)
        if let goal = balance.goal, let value = evaluate(goal, sign: .result, column: column) {
            if case .number(let ratio, _) = value { result.goal = ratio } else { report(.percentWhereMoneyExpected, goal.span) }
        }
        guard let yearResult = result.result else { return result }
        var balanceResult: Money? = yearResult.subtracting(result.capitalGains ?? .zero)
        result.resultExcludingCapitalGains = balanceResult
        for adjustment in result.adjustments {
            balanceResult = balanceResult.flatMap { total in adjustment.amount.flatMap(total.adding) }
        }
        balanceResult = balanceResult.flatMap { $0.subtracting(result.toReserve ?? .zero) }
            .flatMap { $0.adding(result.fromReserve ?? .zero) }
        result.balanceResult = balanceResult
        if let goal = result.goal, let base = result.taxRevenue { result.goalAmount = base.multiplied(by: goal) }
        return result
    }
}
