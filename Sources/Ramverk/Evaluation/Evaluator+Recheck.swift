/// The checks that are neither printed totals nor formulas, again after a what-if:
/// rams, ramförändringar, reserves, balanskrav, `förvänta` and `kontroll`. They are few,
/// and each reads the values it needs, from memory unless a change reached them. The
/// order is that of `evaluateAll`.
extension Evaluator {
    mutating func otherChecks(tolerance: Money) -> [CheckResult] {
        var checks: [CheckResult] = []
        let fileStart = SourceSpan(file: 0, start: 0, end: 0)
        let grandTotals = (0..<columnCount).map { sum(model.topLevel, $0, span: fileStart) ?? nil }
        let rams = (0..<model.rams.count).map { ram($0, from: model.rams[$0].span) }
        checkRams(rams, grandTotals, into: &checks)
        for bridge in model.bridges { _ = workThrough(bridge, rams: rams, tolerance: tolerance, into: &checks) }
        for reserve in model.reserves { _ = workThrough(reserve, into: &checks) }
        let capitalGains = model.capitalGains.map { workThrough($0) }
        for balance in model.balances {
            _ = workThrough(balance, gains: capitalGains.last { $0.year == balance.year }, tolerance: tolerance, into: &checks)
        }
        checkExpectations(into: &checks, tolerance: tolerance)
        checkConditions(into: &checks, tolerance: tolerance)
        return checks
    }
}
