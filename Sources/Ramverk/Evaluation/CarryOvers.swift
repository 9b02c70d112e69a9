/// An överföring worked through: for every project with a budget in the year, what was
/// used, the share used, and what the decisions carry into next year (budget − utfall,
/// never below zero). Amounts in the sign the projects' table is printed in.
public struct CarryOverResult: Sendable {
    public struct Line: Sendable {
        public var project: String
        public var budget: Money
        public var actual: Money?
        /// utfall ÷ budget.
        public var usedShare: Ratio?
        public var carried: Money?
        public var decision: String?
    }
    public var year: Int
    public var budgetLabel: String
    public var actualLabel: String
    public var lines: [Line]
    public var totalBudget: Money
    public var totalActual: Money
    public var totalCarried: Money
}

extension Evaluator {
    func workThrough(_ carryOver: CarryOver) -> CarryOverResult {
        var result = CarryOverResult(year: carryOver.year, budgetLabel: model.columns[carryOver.budgetColumn].label,
                                     actualLabel: model.columns[carryOver.actualColumn].label, lines: [],
                                     totalBudget: .zero, totalActual: .zero, totalCarried: .zero)
        let columns = model.columns.count
        for post in model.posts.indices {
            let budgetIndex = post * columns + carryOver.budgetColumn
            guard cellStates[budgetIndex] == .done else { continue }
            let flip = model.posts[post].sign.factor < 0
            guard let budget = cellValues[budgetIndex].negatedIf(flip) else { continue }
            let actualIndex = post * columns + carryOver.actualColumn
            let actual = cellStates[actualIndex] == .done ? cellValues[actualIndex].negatedIf(flip) : nil
            let decision = carryOver.decisions[post]
            var carried: Money?
            if decision != nil, let left = budget.subtracting(actual ?? .zero) { carried = max(left, .zero) }
            result.lines.append(.init(project: model.posts[post].name, budget: budget, actual: actual,
                                      usedShare: budget.ore == 0 ? nil : (actual ?? .zero).ratio(to: budget),
                                      carried: carried, decision: decision))
            result.totalBudget = result.totalBudget.adding(budget) ?? result.totalBudget
            result.totalActual = result.totalActual.adding(actual ?? .zero) ?? result.totalActual
            result.totalCarried = result.totalCarried.adding(carried ?? .zero) ?? result.totalCarried
        }
        return result
    }
}
