/// A risk as the simulation applies it: its target's value as written and its nodes.
struct DrawnRisk: Sendable {
    var risk: QuantifiedRisk
    /// Whether the outcome replaces the value (a `blir händelse` is turned into a change).
    var replaces: Bool
    /// The target's value in the file, in the sign the risk is written in.
    var base: Value
    var nodes: [Int]
}

/// One thread's context, by reference: the engine hands its context on as `inout` through
/// generic code, and a struct this size would be copied in and out every block.
final class SimulationWorker: @unchecked Sendable {
    // Only the thread that made it uses it.
    var context: SimulationContext

    init(_ context: SimulationContext) { self.context = context }
}

/// One worker's state: its own copy of the evaluated model, and the risks flattened into
/// plain arrays (the hot loop copies no reference-counted values). Risks that act on the
/// same value act together, in file order: `med` adds its outcome, `blir` replaces.
struct SimulationContext: Sendable {
    var whatIf: WhatIf
    var figures = AnalysisFigures()
    private let shortcut: AffineShortcut?
    private let reached: [Int]
    /// Per risk: its target (index into the target arrays) and whether it replaces.
    private let targetOf: [Int]
    private let replaces: [Bool]
    /// Per target: the written value (öre, or millionths for a number), its number kind
    /// (nil for an amount), whether the internal sign is the opposite of the written one,
    /// and its nodes `nodes[nodeStarts[t]..<nodeStarts[t + 1]]`.
    private let bases: [Int64]
    private let kinds: [Value.NumberKind?]
    private let flips: [Bool]
    /// Per target, for the shortcut: the unit of a bare number (it takes part as the
    /// amount it rounds to), nil for an amount.
    private let units: [MoneyUnit?]
    private let nodes: [Int]
    private let nodeStarts: [Int]
    /// Scratch: per risk a column of a block's values and the largest magnitude among
    /// them (shortcut), or per target the values of one iteration (full evaluation).
    private var riskValues: [Int64]
    private var largest: [UInt64]
    private var targetValues: [Int64]

    init(whatIf: WhatIf, plan: WhatIf.Plan, risks: [DrawnRisk], shortcut: AffineShortcut?) {
        self.whatIf = whatIf
        self.shortcut = shortcut
        reached = plan.reached
        var targets: [ChangeTarget] = []
        var targetOf: [Int] = [], bases: [Int64] = [], kinds: [Value.NumberKind?] = [], flips: [Bool] = []
        var units: [MoneyUnit?] = []
        var nodes: [Int] = [], starts = [0]
        for drawn in risks {
            if let known = targets.firstIndex(of: drawn.risk.target) {
                targetOf.append(known)
                continue
            }
            targetOf.append(targets.count)
            targets.append(drawn.risk.target)
            switch drawn.base {
            case .money(let money):
                bases.append(money.ore)
                kinds.append(nil)
                flips.append(drawn.risk.sign.factor < 0)
                units.append(nil)
            case .number(let ratio, let kind):
                bases.append(ratio.micros)
                kinds.append(kind)
                // A number has no sign convention.
                flips.append(false)
                if case .bare(let unit) = kind { units.append(unit) } else { units.append(nil) }
            }
            nodes += drawn.nodes
            starts.append(nodes.count)
        }
        self.targetOf = targetOf
        replaces = risks.map(\.replaces)
        (self.bases, self.kinds, self.flips, self.nodes, self.nodeStarts) = (bases, kinds, flips, nodes, starts)
        self.units = units
        riskValues = [Int64](repeating: 0, count: risks.count * ChunkWorker.blockRows)
        largest = [UInt64](repeating: 0, count: risks.count)
        targetValues = bases
    }

    /// True when the shortcut may stand for full evaluation: a value that a `blir` risk
    /// replaces is acted on by no other risk (a replacement is no sum).
    static func shortcutApplies(to risks: [DrawnRisk]) -> Bool {
        for (index, drawn) in risks.enumerated() where drawn.replaces {
            if risks.indices.contains(where: { $0 != index && risks[$0].risk.target == drawn.risk.target }) { return false }
        }
        return true
    }

    /// A block of iterations: by the shortcut a risk at a time over the whole block,
    /// else one iteration after the other.
    mutating func iterate(_ block: IterationBlock) {
        if let shortcut { return iterateAffine(shortcut, block) }
        block.forEachRow { draws, outputs in iterate(draws, outputs) }
    }

    /// One iteration in full: the draws in place, the figures out; false when they
    /// cannot be computed (an outcome too large, a division by zero).
    mutating func iterate(_ draws: UnsafeBufferPointer<Double>, _ outputs: UnsafeMutableBufferPointer<Int64>) -> Bool {
        for node in reached { whatIf.evaluator.invalidate(node: node) }
        for target in bases.indices { targetValues[target] = bases[target] }
        for risk in targetOf.indices {
            let target = targetOf[risk]
            guard let drawn = RiskColumn.rounded(draws[risk]) else { return false }
            if replaces[risk] {
                targetValues[target] = drawn
            } else {
                let (sum, overflow) = targetValues[target].addingReportingOverflow(drawn)
                if overflow { return false }
                targetValues[target] = sum
            }
        }
        for target in bases.indices {
            var value = targetValues[target]
            let written: Value
            if let kind = kinds[target] {
                written = .number(Ratio(micros: value), kind)
            } else {
                if flips[target] {
                    let (negated, overflow) = (0 as Int64).subtractingReportingOverflow(value)
                    if overflow { return false }
                    value = negated
                }
                written = .money(Money(ore: value))
            }
            for slot in nodeStarts[target]..<nodeStarts[target + 1] { whatIf.evaluator.set(node: nodes[slot], to: written) }
        }
        whatIf.computeFigures(into: &figures)
        guard let result = figures.result, let balance = figures.balanceResult else { return false }
        outputs[0] = result.ore
        outputs[1] = balance.ore
        var slot = 2
        for value in figures.ramRemaining + figures.followed {
            guard let value else { return false }
            outputs[slot] = value.ore
            slot += 1
        }
        return true
    }

    /// The shortcut: each risk's values over the block as if it acted alone (internal
    /// sign; a bare number as the amount it rounds to), a column per risk, then the
    /// figures as base + Σ cᵢ·δᵢ. A risk at a time, so what depends on the risk alone
    /// (its base, whether it replaces, flips or rounds) is looked up once a block.
    private mutating func iterateAffine(_ shortcut: AffineShortcut, _ block: IterationBlock) {
        let stride = ChunkWorker.blockRows
        let (bases, targetOf, replaces, flips, units) = (bases, targetOf, replaces, flips, units)
        riskValues.withUnsafeMutableBufferPointer { values in
            largest.withUnsafeMutableBufferPointer { largest in
                for risk in targetOf.indices {
                    let target = targetOf[risk]
                    let column = values.baseAddress! + risk &* stride
                    if let unit = units[target] {
                        largest[risk] = RiskColumn.numbers(column, risk: risk, block, base: bases[target], unit: unit,
                                                          replacing: replaces[risk])
                    } else {
                        largest[risk] = RiskColumn.amounts(column, risk: risk, block, base: bases[target],
                                                          replacing: replaces[risk], flip: flips[target])
                    }
                }
                shortcut.evaluate(UnsafePointer(values.baseAddress!), stride: stride,
                                  largest: UnsafePointer(largest.baseAddress!), block)
            }
        }
    }
}
