/// The checks Ramverk makes without being asked: printed totals against computed sums,
/// each ram against the lines of its year, and each ramförändring against the rams.
extension Evaluator {
    mutating func checkPrintedTotals(into checks: inout [CheckResult], tolerance: Money) {
        for (index, area) in model.areas.enumerated() where area.printedTotal != nil {
            for column in 0..<columnCount {
                if let check = checkPrintedTotal(area: index, column: column, tolerance: tolerance) { checks.append(check) }
            }
        }
    }

    /// An area's printed total in one column against its computed sum; nil when there is
    /// no printed figure there or a value failed (a what-if checks one area at a time).
    mutating func checkPrintedTotal(area index: Int, column: Int, tolerance: Money) -> CheckResult? {
        let area = model.areas[index]
        guard let printed = area.printedTotal else { return nil }
        let stated: Money?
        switch printed.cells[column] {
        case .empty: return nil
        case .literal(let money): stated = money
        case .expression(let expression, let sign):
            stated = evaluateAmount(expression, sign: sign, column: column)
        }
        guard let stated, let total = areaTotal(index, column, from: printed.span) else { return nil }
        let computed = total ?? .zero
        // Shown in the area's own sign, as the document prints it.
        guard let shownStated = stated.negatedIf(area.sign.factor < 0),
              let shownComputed = computed.negatedIf(area.sign.factor < 0),
              let difference = shownStated.subtracting(shownComputed) else {
            report(.overflow, printed.span)
            return nil
        }
        let label = printed.label ?? "Summa \(area.name)"
        return CheckResult(kind: .printedTotal, passed: difference.ore.magnitude <= tolerance.ore.magnitude,
                           span: printed.span, column: column,
                           subject: "\(label), \(model.columns[column].label)",
                           stated: shownStated, computed: shownComputed, difference: difference)
    }

    mutating func checkRams(_ rams: [Money?], _ grandTotals: [Money?], into checks: inout [CheckResult]) {
        for (index, ram) in model.rams.enumerated() {
            // No line with a value in the year: the net cost is zero.
            guard let column = model.column(forYear: ram.year), let frame = rams[index],
                  let netCost = (grandTotals[column] ?? .zero).negated(),
                  let remaining = frame.subtracting(netCost) else { continue }
            checks.append(CheckResult(kind: .ram, passed: remaining.ore >= 0, span: ram.span, column: column,
                                      subject: "Ram \(ram.year), \(model.columns[column].label)",
                                      stated: frame, computed: netCost, difference: remaining))
        }
    }

    mutating func workThrough(_ bridge: Bridge, rams: [Money?], tolerance: Money,
                              into checks: inout [CheckResult]) -> BridgeResult {
        let column = model.column(forYear: bridge.year)
        let ramIndex = model.rams.firstIndex { $0.year == bridge.year }
        let previousIndex = model.rams.firstIndex { $0.year == bridge.year - 1 }
        func amount(_ expression: ResolvedExpression) -> Money? {
            evaluateAmount(expression, sign: .netCost, column: column, keepSign: true)
        }
        var result = BridgeResult(year: bridge.year, baseLabel: "", oneOffs: [], changes: [])
        if let base = bridge.base {
            result.baseLabel = "Utgångsläge"
            result.base = amount(base)
        } else {
            let revised = previousIndex.map { !model.rams[$0].revisions.isEmpty } ?? false
            result.baseLabel = (revised ? "Justerad ram " : "Ram ") + String(bridge.year - 1)
            result.base = previousIndex.flatMap { rams[$0] }
        }
        result.oneOffs = bridge.oneOffs.map { BridgeResult.Line(text: $0.text, amount: amount($0.amount)) }
        result.changes = bridge.changes.map { BridgeResult.Line(text: $0.text, amount: amount($0.amount)) }
        result.printedTotal = bridge.printedTotal.flatMap(amount)
        result.ram = ramIndex.flatMap { rams[$0] }

        var changes: Money? = .zero
        for line in result.changes { changes = changes.flatMap { total in line.amount.flatMap(total.adding) } }
        var oneOffs: Money? = .zero
        for line in result.oneOffs { oneOffs = oneOffs.flatMap { total in line.amount.flatMap(total.adding) } }
        result.sumOfChanges = changes
        if let base = result.base, let changes, let oneOffs {
            result.computedRam = base.subtracting(oneOffs).flatMap { $0.adding(changes) }
        }
        if let ram = result.ram, let base = result.base { result.actualChange = ram.subtracting(base) }

        if let printed = result.printedTotal, let changes, let difference = printed.subtracting(changes) {
            checks.append(CheckResult(kind: .bridgeTotal, passed: difference.ore.magnitude <= tolerance.ore.magnitude,
                                      span: bridge.printedTotalSpan ?? bridge.span, column: column,
                                      subject: "Ramförändring \(bridge.year), summa förändringar",
                                      stated: printed, computed: changes, difference: difference))
        }
        if let ram = result.ram, let computed = result.computedRam, let difference = ram.subtracting(computed) {
            checks.append(CheckResult(kind: .bridge, passed: difference.ore.magnitude <= tolerance.ore.magnitude,
                                      span: bridge.span, column: column,
                                      subject: "Ramförändring \(bridge.year): \(result.baseLabel.lowercased()) − engångsposter + förändringar = ram \(bridge.year)",
                                      stated: ram, computed: computed, difference: difference))
        }
        return result
    }
}
