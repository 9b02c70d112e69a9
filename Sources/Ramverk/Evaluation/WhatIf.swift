/// A model evaluated once and kept, ready to answer "what if these values were
/// different": the base evaluation records who reads what, so a change re-evaluates
/// only the values that depend on it (a känslighet, a drawn risk, a what-if in the REPL).
struct WhatIf: Sendable {
    var evaluator: Evaluator
    /// The column of the year analysed.
    let column: Int
    let year: Int
    /// Dependents of node n: `dependents[offsets[n]..<offsets[n + 1]]` (the values that
    /// read n).
    private let offsets: [Int32]
    private let dependents: [Int32]
    /// The base figures, before any change.
    private(set) var base = AnalysisFigures()
    /// The rams, balanskrav and realisationsvinster of the year (model indices).
    let yearRams: [Int]
    let yearBalance: Int?
    let yearGains: Int?

    /// The evaluation of the base as the run evaluates it (checks included).
    private(set) var baseEvaluation: Evaluation?

    init(model: Model, year: Int, column: Int, tolerance: ResolvedExpression? = nil) {
        var evaluator = Evaluator(model: model)
        evaluator.recordsReads = true
        let evaluation = evaluator.evaluateAll(tolerance)
        evaluator.recordsReads = false
        let nodeCount = evaluator.node(.ram(model.rams.count))
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for read in evaluator.readNodes { counts[Int(read) + 1] += 1 }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var fill = counts
        var dependents = [Int32](repeating: 0, count: evaluator.readNodes.count)
        for (reader, read) in zip(evaluator.readers, evaluator.readNodes) {
            dependents[Int(fill[Int(read)])] = reader
            fill[Int(read)] += 1
        }
        evaluator.readers = []
        evaluator.readNodes = []
        evaluator.diagnostics = []
        self.evaluator = evaluator
        baseEvaluation = evaluation
        self.column = column
        self.year = year
        self.offsets = counts
        self.dependents = dependents
        yearRams = model.rams.indices.filter { model.rams[$0].year == year }
        yearBalance = model.balances.lastIndex { $0.year == year }
        yearGains = model.capitalGains.lastIndex { $0.year == year }
        base = figures()
    }

    var model: Model { evaluator.model }

    /// Makes the current state the base the figures of later changes are compared with
    /// (a scenario's, or a what-if session's, own känslighetsanalys starts from it).
    mutating func rebase() {
        base = figures()
    }

    // MARK: - Targets and their values

    /// The nodes a change of `target` sets: a named value is changed both in the year's
    /// column and where it is read without one.
    func nodes(of target: ChangeTarget) -> [Int] {
        switch target {
        case .cell(let post, let explicit): [evaluator.node(.cell(post, explicit ?? column))]
        case .area(let area, let explicit): [evaluator.node(.area(area, explicit ?? column))]
        case .named(let named): [evaluator.node(.named(named, column)), evaluator.node(.named(named, -1))]
        }
    }

    /// The base value of a target in internal sign (an empty cell is zero); nil when the
    /// value failed.
    mutating func baseValue(of target: ChangeTarget) -> Value? {
        let span = SourceSpan(file: 0, start: 0, end: 0)
        switch target {
        case .cell(let post, let explicit):
            guard let value = evaluator.cell(post, explicit ?? column, from: span) else { return nil }
            return .money(value ?? .zero)
        case .area(let area, let explicit):
            guard let value = evaluator.areaTotal(area, explicit ?? column, from: span) else { return nil }
            return .money(value ?? .zero)
        case .named(let named):
            return evaluator.named(named, column, from: span)
        }
    }

    /// The values that read `node` directly.
    func readers(of node: Int) -> [Int] {
        (Int(offsets[node])..<Int(offsets[node + 1])).map { Int(dependents[$0]) }
    }

    // MARK: - Applying changes

    /// What a set of changed targets reaches: the nodes to evaluate again each time new
    /// values are put in.
    struct Plan {
        var targets: [ChangeTarget]
        /// Nodes of the targets (set, not evaluated).
        var targetNodes: [Int]
        /// Every node that depends on a target, excluding the targets.
        var reached: [Int]
    }

    func plan(_ targets: [ChangeTarget]) -> Plan {
        let targetNodes = targets.flatMap(nodes(of:))
        return Plan(targets: targets, targetNodes: targetNodes, reached: reach(of: targetNodes))
    }

    /// Every node that depends on one of `targetNodes` (excluding them), sorted.
    func reach(of targetNodes: [Int]) -> [Int] {
        var seen = Set(targetNodes)
        var queue = targetNodes
        var reached: [Int] = []
        while let node = queue.popLast() {
            for index in Int(offsets[node])..<Int(offsets[node + 1]) {
                let dependent = Int(dependents[index])
                if seen.insert(dependent).inserted {
                    reached.append(dependent)
                    queue.append(dependent)
                }
            }
        }
        return reached.sorted()
    }

    /// Puts `values` (internal sign, one per target of `plan`) in place and marks every
    /// value they reach for evaluation.
    mutating func apply(_ plan: Plan, values: [Value]) {
        for node in plan.reached { evaluator.invalidate(node: node) }
        for (target, value) in zip(plan.targets, values) {
            for node in nodes(of: target) { evaluator.set(node: node, to: value) }
        }
    }

    /// The state of the nodes a plan touches, to put back after a one-off change.
    func snapshot(_ plan: Plan) -> [Evaluator.NodeSnapshot] {
        (plan.targetNodes + plan.reached).map { evaluator.snapshot(node: $0) }
    }

    mutating func restore(_ plan: Plan, _ saved: [Evaluator.NodeSnapshot]) {
        for (node, state) in zip(plan.targetNodes + plan.reached, saved) { evaluator.restore(node: node, state) }
    }
}

extension Evaluator {
    /// A node's memo entry, saved to be put back.
    struct NodeSnapshot {
        var state: State
        var money: Money
        var value: Value?
    }

    /// Which memo array a node id is in, and the index there.
    enum Slot { case cell(Int), area(Int), named(Int), ram(Int) }

    func slot(_ node: Int) -> Slot {
        let cells = model.cells.count
        let areas = areaStates.count
        if node < cells { return .cell(node) }
        if node < cells + areas { return .area(node - cells) }
        if node < cells + areas + namedStates.count { return .named(node - cells - areas) }
        return .ram(node - cells - areas - namedStates.count)
    }

    mutating func invalidate(node: Int) {
        switch slot(node) {
        case .cell(let index): cellStates[index] = .pending
        case .area(let index): areaStates[index] = .pending
        case .named(let index): namedStates[index] = .pending
        case .ram(let index): ramStates[index] = .pending
        }
    }

    /// Empties a cell (a post a scenario removes); other nodes are left as they are.
    mutating func clear(node: Int) {
        if case .cell(let index) = slot(node) { cellStates[index] = .empty }
    }

    /// Sets a node to a value in internal sign (an amount for cells, totals and rams).
    mutating func set(node: Int, to value: Value) {
        switch slot(node) {
        case .cell(let index):
            guard case .money(let money) = value else { return }
            cellValues[index] = money
            cellStates[index] = .done
        case .area(let index):
            guard case .money(let money) = value else { return }
            areaValues[index] = money
            areaStates[index] = .done
        case .named(let index):
            namedValues[index] = value
            namedStates[index] = .done
        case .ram(let index):
            guard case .money(let money) = value else { return }
            ramValues[index] = money
            ramStates[index] = .done
        }
    }

    func snapshot(node: Int) -> NodeSnapshot {
        switch slot(node) {
        case .cell(let index): NodeSnapshot(state: cellStates[index], money: cellValues[index])
        case .area(let index): NodeSnapshot(state: areaStates[index], money: areaValues[index])
        case .named(let index): NodeSnapshot(state: namedStates[index], money: .zero, value: namedValues[index])
        case .ram(let index): NodeSnapshot(state: ramStates[index], money: ramValues[index])
        }
    }

    mutating func restore(node: Int, _ saved: NodeSnapshot) {
        switch slot(node) {
        case .cell(let index): (cellStates[index], cellValues[index]) = (saved.state, saved.money)
        case .area(let index): (areaStates[index], areaValues[index]) = (saved.state, saved.money)
        case .named(let index): (namedStates[index], namedValues[index]) = (saved.state, saved.value)
        case .ram(let index): (ramStates[index], ramValues[index]) = (saved.state, saved.money)
        }
    }
}
