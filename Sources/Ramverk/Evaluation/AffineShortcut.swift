/// A shortcut for simulations whose risks reach the figures only through sums and
/// differences: then every figure is exactly base + Σ cᵢ·δᵢ in whole öre, with integer
/// coefficients cᵢ found once by moving each risk's target through the ordinary
/// evaluation. An iteration then costs a few multiply-adds instead of re-evaluating the
/// sums. Where anything on the way rounds (× a percentage, ÷, a unit, a period share),
/// the simulation evaluates every iteration in full instead.
///
/// A risk on a bare number (`antagande Reavinster = 15 000` in a tkr file) takes part
/// too when every value that reads the number is that number alone, made an amount:
/// the one rounding is then the number's own (`Arithmetic.asMoney`), which the
/// simulation applies to each draw before the sums (`SimulationContext`).
///
/// The figures agree with full evaluation exactly, except that an intermediate sum
/// that would overflow (beyond ±92 biljarder kr) is not noticed when the final figure fits.
struct AffineShortcut: Sendable {
    let outputs: Int

    /// nil when some value between the risks and the figures is not a plain sum.
    static func make(_ whatIf: inout WhatIf, risks: [DrawnRisk], outputs: Int) -> AffineShortcut? {
        // Per risk: its target's base as an amount (öre), and the number it is (nil for
        // an amount).
        var targetBases: [Int64] = []
        var numbers: [(Ratio, Value.NumberKind)?] = []
        for drawn in risks {
            switch (drawn.base, whatIf.baseValue(of: drawn.risk.target)) {
            case (.money, .money(let money)?):
                targetBases.append(money.ore)
                numbers.append(nil)
            case (.number(_, .bare(let unit)), .number(let ratio, let kind)?):
                // Drawn alone (two risks' roundings would not add up), and read only
                // where it becomes an amount as it is.
                guard risks.filter({ $0.risk.target == drawn.risk.target }).count == 1,
                      let money = ratio.moneyRounded(in: unit),
                      whatIf.readsOnlyAsAmount(drawn.risk.target) else { return nil }
                targetBases.append(money.ore)
                numbers.append((ratio, kind))
            default:
                // Any other number reaches money through a product.
                return nil
            }
        }
        let all = whatIf.plan(risks.map(\.risk.target))
        let touched = Set(all.targetNodes + all.reached)
        guard all.reached.allSatisfy({ whatIf.isAffine(node: $0) }) else { return nil }
        // A target that another target reaches would be overwritten, not moved.
        for (index, drawn) in risks.enumerated() {
            let own = Set(whatIf.nodes(of: drawn.risk.target))
            let others = whatIf.plan(risks.enumerated().filter { $0.offset != index }.map(\.element.risk.target))
            if !own.isDisjoint(with: others.reached) { return nil }
        }
        for expression in whatIf.directlyRead() where whatIf.reads(expression, any: touched) {
            guard WhatIf.isAffine(expression) else { return nil }
        }

        guard let base = whatIf.outputValues() else { return nil }
        var coefficients: [Int64] = []
        for (index, drawn) in risks.enumerated() {
            // An amount moves by one öre; a number by one whole unit (one öre may not be a
            // number of millionths), and its amount by what that rounds to.
            let moved: Value
            var step: Int64 = 1
            if let (ratio, kind) = numbers[index] {
                guard case .bare(let unit) = kind, let next = Ratio(micros: ratio.micros + Ratio.scale).moneyRounded(in: unit)
                else { return nil }
                moved = .number(Ratio(micros: ratio.micros + Ratio.scale), kind)
                step = next.ore - targetBases[index]
            } else {
                moved = .money(Money(ore: targetBases[index] + 1))
            }
            let plan = whatIf.plan([drawn.risk.target])
            let saved = whatIf.snapshot(plan)
            whatIf.apply(plan, values: [moved])
            let values = whatIf.outputValues()
            whatIf.restore(plan, saved)
            guard let values, step != 0 else { return nil }
            for (new, old) in zip(values, base) {
                // Exact, or the figure is not a sum of this amount after all.
                guard (new - old) % step == 0 else { return nil }
                coefficients.append((new - old) / step)
            }
        }
        return AffineShortcut(base: base, coefficients: coefficients, targetBases: targetBases, outputs: outputs)
    }

    /// The outputs of a block of iterations from each risk's values (internal sign,
    /// öre; risk i's in `values[i · stride ..< i · stride + block.rows]`, none of them
    /// larger in magnitude than `largest[i]`): per output its offset (base − Σ cᵢ·baseᵢ)
    /// plus Σ cᵢ·valueᵢ over its non-zero coefficients, a term at a time over the block.
    /// An iteration whose sum overflows fails.
    func evaluate(_ values: UnsafePointer<Int64>, stride: Int, largest: UnsafePointer<UInt64>, _ block: IterationBlock) {
        let (rows, succeeded) = (block.rows, block.succeeded)
        terms.withUnsafeBufferPointer { terms in
            var start = 0
            for output in 0..<self.outputs {
                let (offset, end) = (offsets[output], termEnds[output])
                let column = block.column(output)
                let outputTerms = UnsafeBufferPointer(rebasing: terms[start..<end])
                start = end
                // The usual case: no sum of the block can overflow — |offset| + Σ |cᵢ|·max|valueᵢ|
                // fits, and it bounds every product and partial sum — so the terms are
                // added with wrapping arithmetic, which gives the same numbers as checked
                // arithmetic when nothing overflows, without a test per row.
                if Self.bound(offset, outputTerms, largest) != nil {
                    column.update(repeating: offset, count: rows)
                    for term in outputTerms {
                        let termValues = values + Int(term.risk) &* stride
                        // A coefficient of ±1 (most are: a cost or an income counted once)
                        // without the multiplication, which vector code lacks for 64 bits.
                        switch term.coefficient {
                        case 1: for row in 0..<rows { column[row] &+= termValues[row] }
                        case -1: for row in 0..<rows { column[row] &-= termValues[row] }
                        case let coefficient: for row in 0..<rows { column[row] &+= termValues[row] &* coefficient }
                        }
                    }
                    continue
                }
                column.update(repeating: offset, count: rows)
                for term in outputTerms {
                    let termValues = values + Int(term.risk) &* stride
                    for row in 0..<rows {
                        let (part, o1) = termValues[row].multipliedReportingOverflow(by: term.coefficient)
                        let (total, o2) = column[row].addingReportingOverflow(part)
                        column[row] = total
                        if o1 || o2 { succeeded[row] = false }
                    }
                }
            }
        }
    }

    /// |offset| + Σ |cᵢ|·largestᵢ over the terms, nil when it exceeds Int64.max.
    private static func bound(_ offset: Int64, _ terms: UnsafeBufferPointer<Term>, _ largest: UnsafePointer<UInt64>) -> UInt64? {
        var bound = offset.magnitude
        for term in terms {
            let (product, o1) = term.coefficient.magnitude.multipliedReportingOverflow(by: largest[Int(term.risk)])
            let (sum, o2) = bound.addingReportingOverflow(product)
            if o1 || o2 { return nil }
            bound = sum
        }
        return bound <= UInt64(Int64.max) ? bound : nil
    }

    /// One non-zero coefficient of an output.
    struct Term: Sendable, Equatable {
        var risk: Int32
        var coefficient: Int64
    }

    /// Per output, in order: its terms are `terms[termEnds[o − 1]..<termEnds[o]]`.
    let terms: [Term]
    let termEnds: [Int]
    let offsets: [Int64]

    private init?(base: [Int64], coefficients: [Int64], targetBases: [Int64], outputs: Int) {
        var terms: [Term] = []
        var ends: [Int] = []
        var offsets: [Int64] = []
        for output in 0..<outputs {
            var offset = Int128(base[output])
            for risk in targetBases.indices {
                let coefficient = coefficients[risk * outputs + output]
                guard coefficient != 0 else { continue }
                terms.append(Term(risk: Int32(risk), coefficient: coefficient))
                offset -= Int128(coefficient) * Int128(targetBases[risk])
            }
            // An offset outside Int64 would make every iteration fail: full evaluation then.
            guard let narrow = Int64(exactly: offset) else { return nil }
            offsets.append(narrow)
            ends.append(terms.count)
        }
        (self.terms, self.termEnds, self.offsets, self.outputs) = (terms, ends, offsets, outputs)
    }
}

extension WhatIf {
    /// The figures as the simulation's outputs (result, balance result, each ram's
    /// remainder, each followed value); nil when one is missing.
    mutating func outputValues() -> [Int64]? {
        let figures = figures()
        guard let result = figures.result, let balance = figures.balanceResult else {
            return nil
        }
        var values = [result.ore, balance.ore]
        for value in figures.ramRemaining + figures.followed {
            guard let value else { return nil }
            values.append(value.ore)
        }
        return values
    }

    /// The expressions the figures evaluate themselves, outside any node: the year's
    /// balanskrav and realisationsvinster, the followed values and a declared result.
    func directlyRead() -> [ResolvedExpression] {
        var direct: [ResolvedExpression] = []
        if let balance = yearBalance.map({ model.balances[$0] }) {
            direct += [balance.result, balance.capitalGains, balance.toReserve, balance.fromReserve].compactMap { $0 }
            direct += balance.adjustments.map(\.amount)
        }
        if let gains = yearGains.map({ model.capitalGains[$0] }) {
            direct += [gains.budget, gains.forecast, gains.actual].compactMap { $0 }
        }
        direct += model.riskAnalysis.simulation.followed.map(\.expression)
        if let result = model.riskAnalysis.simulation.result { direct.append(result.expression) }
        return direct
    }

    /// True when every value that reads `target` (a named number) is an amount written
    /// as that name alone: a cell, or an expression the figures read. Each then is the
    /// number rounded to öre, ± — the same function of the number wherever it is read.
    func readsOnlyAsAmount(_ target: ChangeTarget) -> Bool {
        guard case .named(let named) = target else { return false }
        func isTheName(_ expression: ResolvedExpression) -> Bool {
            if case .named(named, _, _) = expression { return true }
            return false
        }
        let targetNodes = Set(nodes(of: target))
        for node in targetNodes {
            for reader in readers(of: node) {
                guard case .cell(let index) = evaluator.slot(reader),
                      case .expression(let expression, _) = model.cells[index], isTheName(expression) else { return false }
            }
        }
        return directlyRead().allSatisfy { !reads($0, any: targetNodes) || isTheName($0) }
    }

    /// True when a node's value is a sum or difference of the values it reads.
    func isAffine(node: Int) -> Bool {
        let model = evaluator.model
        switch evaluator.slot(node) {
        case .area: return true
        case .cell(let index):
            switch model.cells[index] {
            case .expression(let expression, _): return WhatIf.isAffine(expression)
            case .empty:
                return model.columns[index % model.columns.count].formula.map(WhatIf.isAffine) ?? true
            case .literal: return true
            }
        case .named(let slot):
            return WhatIf.isAffine(model.namedValues[slot / (model.columns.count + 1)].expression)
        case .ram(let index):
            return WhatIf.isAffine(model.rams[index].expression) && model.rams[index].revisions.allSatisfy { WhatIf.isAffine($0.amount) }
        }
    }

    /// Literals and references combined by +, − and summa(…) only.
    static func isAffine(_ expression: ResolvedExpression) -> Bool {
        switch expression {
        case .bareNumber, .money, .percent, .post, .areaTotal, .named, .ram, .rowColumn: true
        case .sum(let parts, _): parts.allSatisfy(isAffine)
        case .negate(let inner, _): isAffine(inner)
        case .binary(let op, let left, let right, _): (op == .add || op == .subtract) && isAffine(left) && isAffine(right)
        case .withUnit, .percentOf, .periodShare, .invalid: false
        }
    }

    /// True when `expression`, evaluated in the year's column, reads one of `nodes`.
    func reads(_ expression: ResolvedExpression, any nodes: Set<Int>) -> Bool {
        switch expression {
        case .post(let post, let column, _): nodes.contains(evaluator.node(.cell(post, column ?? self.column)))
        case .areaTotal(let area, let column, _): nodes.contains(evaluator.node(.area(area, column ?? self.column)))
        case .named(let named, let column, _): nodes.contains(evaluator.node(.named(named, column ?? self.column)))
        case .ram(let ram, _): nodes.contains(evaluator.node(.ram(ram)))
        case .sum(let parts, _): parts.contains { reads($0, any: nodes) }
        case .negate(let inner, _), .withUnit(let inner, _, _), .percentOf(let inner, _), .periodShare(let inner, _):
            reads(inner, any: nodes)
        case .binary(_, let left, let right, _): reads(left, any: nodes) || reads(right, any: nodes)
        case .bareNumber, .money, .percent, .rowColumn, .invalid: false
        }
    }
}
