/// Evaluates a checked model: every cell, area total, named value and ram, on demand
/// and memoized, so a model of literal cells costs one pass of additions. Cycles and
/// over-long dependency chains are found with an explicit stack of what is being
/// evaluated; errors poison the value (no cascade of follow-up messages).
public struct Evaluator: Sendable {
    /// Changed only by a scenario, for what is not a memoized value (reserve decisions).
    var model: Model
    let columnCount: Int
    var diagnostics: [Diagnostic] = []

    /// Progress of each memoized value.
    enum State: UInt8 { case pending, inProgress, done, failed, empty }

    var cellValues: [Money]
    var cellStates: [State]
    var areaValues: [Money]
    var areaStates: [State]
    /// Named values by `index * (columnCount + 1) + column` (the last slot: no column).
    var namedValues: [Value?]
    var namedStates: [State]
    var ramValues: [Money]
    var ramStates: [State]
    /// Per ram: as decided, and each revision's amount (the report shows the way there).
    var originalRams: [Money?]
    var revisionAmounts: [[Money?]]

    /// The post a column formula is being evaluated for, and whether any of the
    /// columns it reads had a value (a row with none shows a blank, not a zero).
    var currentRow: Int?
    var sawRowValue = false
    /// Each profile's twelve monthly shares once evaluated and checked (nil = invalid).
    var profileShares: [[Ratio]??]

    /// What is being evaluated, innermost last, for cycle messages.
    enum Item: Equatable {
        case cell(Int, Int), area(Int, Int), named(Int, Int), ram(Int)
    }
    var stack: [Item] = []
    public static let maximumChain = 200
    /// Expressions and values being evaluated, one inside the other: each is a stack
    /// frame. The parser bounds one expression at 200 levels and the chain bounds values
    /// at 200, but 200 values of 200 levels each overflowed the stack.
    var depth = 0
    public static let maximumDepth = 1_000
    /// Problems kept (see `DiagnosticQuota`).
    var quota = DiagnosticQuota()

    /// Who reads what (node ids, see `node(_:)`), recorded only when a what-if will need
    /// to know which values a change reaches.
    var recordsReads = false
    var readers: [Int32] = []
    var readNodes: [Int32] = []

    init(model: Model) {
        self.model = model
        columnCount = model.columns.count
        let cellCount = model.cells.count
        var values = [Money](repeating: .zero, count: cellCount)
        var states = [State](repeating: .empty, count: cellCount)
        // Literal cells are done before evaluation starts: the common case is a copy.
        let formulaColumns = model.columns.map { $0.formula != nil }
        for index in 0..<cellCount {
            switch model.cells[index] {
            case .empty:
                if formulaColumns[index % max(model.columns.count, 1)] { states[index] = .pending }
            case .literal(let money):
                values[index] = money
                states[index] = .done
            case .expression: states[index] = .pending
            }
        }
        // Posts only a scenario has are empty in the base; a scenario marks them pending.
        for post in model.alternativePosts {
            for column in 0..<model.columns.count { states[post * model.columns.count + column] = .empty }
        }
        cellValues = values
        cellStates = states
        areaValues = [Money](repeating: .zero, count: model.areas.count * columnCount)
        areaStates = [State](repeating: .pending, count: model.areas.count * columnCount)
        namedValues = [Value?](repeating: nil, count: model.namedValues.count * (columnCount + 1))
        namedStates = [State](repeating: .pending, count: model.namedValues.count * (columnCount + 1))
        profileShares = Array(repeating: nil, count: model.profiles.count)
        ramValues = [Money](repeating: .zero, count: model.rams.count)
        originalRams = Array(repeating: nil, count: model.rams.count)
        revisionAmounts = Array(repeating: [], count: model.rams.count)
        ramStates = [State](repeating: .pending, count: model.rams.count)
    }

    /// Problems already reported, so a cycle met from several columns (or a value
    /// used in several places) is reported once.
    var reported = Set<String>()

    mutating func report(_ problem: Problem, _ span: SourceSpan?) {
        let key = "\(problem.code)|\(problem.message)|\(span?.file ?? -1)|\(span?.start ?? -1)"
        guard reported.insert(key).inserted, quota.admits(problem.severity) else { return }
        diagnostics.append(Diagnostic(problem, at: span))
    }

    // MARK: - Memoized values (internal sign)

    /// Enters `item`; false (with a diagnostic) on a cycle or an over-long chain.
    mutating func enter(_ item: Item, span: SourceSpan) -> Bool {
        if stack.count >= Evaluator.maximumChain {
            report(.dependencyChainTooLong(limit: Evaluator.maximumChain), span)
            return false
        }
        stack.append(item)
        return true
    }

    mutating func cycle(at item: Item, span: SourceSpan) {
        let start = stack.lastIndex(of: item) ?? 0
        let names = (stack[start...] + [item]).map(describe)
        report(.cycle(names: names), span)
    }

    func describe(_ item: Item) -> String {
        switch item {
        case .cell(let post, let column): "\(model.path(of: .post(post))).\(model.columns[column].key)"
        case .area(let area, let column): "summa(\(model.path(of: .area(area))).\(model.columns[column].key))"
        case .named(let named, _): model.path(of: .named(named))
        case .ram(let ram): "ram \(model.rams[ram].year)"
        }
    }

    /// One id for every memoized value: cells, then area totals, then named-value slots,
    /// then rams.
    func node(_ item: Item) -> Int {
        let cells = model.cells.count
        let areas = model.areas.count * columnCount
        switch item {
        case .cell(let post, let column): return post * columnCount + column
        case .area(let area, let column): return cells + area * columnCount + column
        case .named(let named, let column):
            return cells + areas + named * (columnCount + 1) + (column < 0 ? columnCount : column)
        case .ram(let ram): return cells + areas + namedStates.count + ram
        }
    }

    mutating func noteRead(_ item: Item) {
        guard let reader = stack.last else { return }
        readers.append(Int32(node(reader)))
        readNodes.append(Int32(node(item)))
    }

    /// A post's value in a column; nil when empty or failed.
    mutating func cell(_ post: Int, _ column: Int, from span: SourceSpan) -> Money?? {
        if recordsReads { noteRead(.cell(post, column)) }
        let index = post * columnCount + column
        switch cellStates[index] {
        case .done: return cellValues[index]
        case .empty: return .some(nil)
        case .failed: return nil
        case .inProgress:
            cycle(at: .cell(post, column), span: span)
            cellStates[index] = .failed
            return nil
        case .pending:
            guard enter(.cell(post, column), span: span) else {
                cellStates[index] = .failed
                return nil
            }
            cellStates[index] = .inProgress
            let value: Money??
            if case .literal(let money) = model.cells[index] {
                // A literal is pending only when a scenario brings its post back.
                value = .some(money)
            } else if case .expression(let expression, let sign) = model.cells[index] {
                // The cell's post is the row for periodandel(…) and its profile.
                let saved = currentRow
                currentRow = post
                value = evaluateAmount(expression, sign: sign, column: column).map { .some($0) } ?? nil
                currentRow = saved
            } else {
                value = formulaValue(post: post, column: column)
            }
            stack.removeLast()
            guard cellStates[index] == .inProgress, let value else {
                cellStates[index] = .failed
                return nil
            }
            guard let amount = value else {
                cellStates[index] = .empty
                return .some(nil)
            }
            cellValues[index] = amount
            cellStates[index] = .done
            return amount
        }
    }

    /// A post's value by its column's formula, in internal sign; `.some(nil)` when the
    /// post has no value in any column the formula reads.
    mutating func formulaValue(post: Int, column: Int) -> Money?? {
        guard let formula = model.columns[column].formula else { return .some(nil) }
        let saved = (currentRow, sawRowValue)
        defer { (currentRow, sawRowValue) = saved }
        currentRow = post
        sawRowValue = false
        let value = evaluateAmount(formula, sign: model.posts[post].sign, column: column)
        guard sawRowValue else { return .some(nil) }
        return value.map { .some($0) } ?? nil
    }

    /// The computed total of an area in a column: the sum of its posts and areas;
    /// `.some(nil)` when none of them has a value in the column (shown blank).
    mutating func areaTotal(_ area: Int, _ column: Int, from span: SourceSpan) -> Money?? {
        if recordsReads { noteRead(.area(area, column)) }
        let index = area * columnCount + column
        switch areaStates[index] {
        case .done: return areaValues[index]
        case .empty: return .some(nil)
        case .failed: return nil
        case .inProgress:
            cycle(at: .area(area, column), span: span)
            areaStates[index] = .failed
            return nil
        case .pending:
            guard enter(.area(area, column), span: span) else {
                areaStates[index] = .failed
                return nil
            }
            areaStates[index] = .inProgress
            let total = sum(model.areas[area].members, column, span: model.areas[area].span)
            stack.removeLast()
            guard areaStates[index] == .inProgress, let total else {
                areaStates[index] = .failed
                return nil
            }
            guard let value = total else {
                areaStates[index] = .empty
                return .some(nil)
            }
            areaValues[index] = value
            areaStates[index] = .done
            return value
        }
    }

    /// The sum of posts and areas among `members` (named values are not lines);
    /// `.some(nil)` when none has a value, nil when one failed.
    mutating func sum(_ members: [Member], _ column: Int, span: SourceSpan) -> Money?? {
        var total = Money.zero
        var anyValue = false
        var failed = false
        for member in members {
            let part: Money??
            switch member {
            case .post(let post): part = cell(post, column, from: model.posts[post].span)
            case .area(let child): part = areaTotal(child, column, from: model.areas[child].span)
            case .named: continue
            }
            guard let part else { failed = true; continue }
            guard let value = part else { continue }
            anyValue = true
            guard let next = total.adding(value) else {
                // Point at the line whose amount no longer fits.
                switch member {
                case .post(let post): report(.overflow, model.posts[post].span)
                case .area(let child): report(.overflow, model.areas[child].span)
                case .named: report(.overflow, span)
                }
                return nil
            }
            total = next
        }
        if failed { return nil }
        return anyValue ? total : .some(nil)
    }

    /// A named value where it is used: per column, or without one.
    mutating func named(_ named: Int, _ column: Int?, from span: SourceSpan) -> Value? {
        if recordsReads { noteRead(.named(named, column ?? -1)) }
        let slot = named * (columnCount + 1) + (column ?? columnCount)
        switch namedStates[slot] {
        case .done: return namedValues[slot]
        case .failed, .empty: return nil
        case .inProgress:
            cycle(at: .named(named, column ?? -1), span: span)
            namedStates[slot] = .failed
            return nil
        case .pending:
            guard enter(.named(named, column ?? -1), span: span) else {
                namedStates[slot] = .failed
                return nil
            }
            namedStates[slot] = .inProgress
            let declaration = model.namedValues[named]
            // A named value is one value per column, the same for every row: it does not
            // follow the profile of the post that happens to use it first.
            let savedRow = currentRow
            currentRow = nil
            let value = evaluate(declaration.expression, sign: declaration.sign, column: column)
            currentRow = savedRow
            stack.removeLast()
            guard namedStates[slot] == .inProgress, let value else {
                namedStates[slot] = .failed
                return nil
            }
            // Stored in internal sign: amounts were written in the declaring table's sign.
            let stored = internalValue(value, sign: declaration.sign)
            namedValues[slot] = stored
            namedStates[slot] = stored == nil ? .failed : .done
            return stored
        }
    }

    /// A ram in force as a positive net-cost amount: as decided, plus its revisions.
    mutating func ram(_ index: Int, from span: SourceSpan) -> Money? {
        if recordsReads { noteRead(.ram(index)) }
        switch ramStates[index] {
        case .done: return ramValues[index]
        case .failed, .empty: return nil
        case .inProgress:
            cycle(at: .ram(index), span: span)
            ramStates[index] = .failed
            return nil
        case .pending:
            guard enter(.ram(index), span: span) else {
                ramStates[index] = .failed
                return nil
            }
            ramStates[index] = .inProgress
            let ram = model.rams[index]
            let column = model.column(forYear: ram.year)
            let original = evaluateAmount(ram.expression, sign: .netCost, column: column, keepSign: true)
            var value = original
            var amounts: [Money?] = []
            for revision in ram.revisions {
                let amount = evaluateAmount(revision.amount, sign: .netCost, column: column, keepSign: true)
                amounts.append(amount)
                value = value.flatMap { total in amount.flatMap(total.adding) }
            }
            stack.removeLast()
            guard ramStates[index] == .inProgress, let value else {
                ramStates[index] = .failed
                return nil
            }
            originalRams[index] = original
            revisionAmounts[index] = amounts
            ramValues[index] = value
            ramStates[index] = .done
            return value
        }
    }

    func internalValue(_ value: Value, sign: SignConvention) -> Value? {
        guard case .money(let money) = value else { return value }
        return money.negatedIf(sign.factor < 0).map(Value.money)
    }
}
