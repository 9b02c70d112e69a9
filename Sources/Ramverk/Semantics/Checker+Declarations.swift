/// The declaring pass: walks statements in order with the unit and sign in force,
/// creates areas, posts and named values, converts literal cells at once, and queues
/// every other expression for resolution.
extension Checker {
    /// Declares `statements` in order; returns the settings in force at their end.
    @discardableResult
    mutating func declare(_ statements: [Statement], in outer: Scope) -> Scope {
        var scope = outer
        for statement in statements { declare(statement, &scope, releasing: false) }
        return scope
    }

    /// Like `declare`, but frees each statement once declared (the model holds what
    /// it needs), so a large file's syntax tree and model never both live whole.
    @discardableResult
    mutating func declareReleasing(_ statements: inout [Statement], in outer: Scope) -> Scope {
        var scope = outer
        let placeholder = Statement.unit(.tkr, span: SourceSpan(file: 0, start: 0, end: 0))
        for index in statements.indices {
            var statement = placeholder
            swap(&statement, &statements[index])
            if case .area(var area) = statement {
                // The enum lets go of the body first, so the body is uniquely held and is
                // released in place — else each area's statements were copied whole.
                statement = placeholder
                var body: [Statement] = []
                swap(&body, &area.body)
                declareArea(area, &body, scope, releasing: true)
            } else {
                declare(consume statement, &scope, releasing: true)
            }
            freedMemory.release(postsDeclared: model.posts.count)
        }
        statements = []
        return scope
    }

    private mutating func declare(_ statement: consuming Statement, _ scope: inout Scope, releasing: Bool) {
            switch consume statement {
            case .header(let header):
                declareHeader(header)
            case .unit(let unit, _):
                scope.unit = unit
            case .sign(let sign, _):
                scope.sign = sign
            case .tolerance(let expression, let span):
                if let first = headerSpans["tolerans"] {
                    report(.duplicateHeader("tolerans"), span,
                           notes: [Diagnostic.Note(message: "först angiven här", span: first)])
                    return
                }
                headerSpans["tolerans"] = span
                pending.append(.tolerance(expression, scope))
            case .column(let column):
                // Declared before the walk; a formula is resolved with the rest.
                if let formula = column.formula, let index = columnIndex[column.key.text],
                   model.columns[index].span == column.key.span {
                    pending.append(.formula(column: index, formula, scope))
                }
            case .expectation(let expectation):
                pending.append(.expectation(expectation, scope))
            case .condition(let condition):
                pending.append(.condition(condition, scope))
            case .reserve(let reserve):
                pending.append(.reserve(reserve, scope))
            case .revision(let revision):
                pending.append(.revision(revision, scope))
            case .balance(let balance):
                pending.append(.balance(balance, scope))
            case .carryOver(let carryOver):
                pending.append(.carryOver(carryOver, scope))
            case .capitalGains(let gains):
                pending.append(.capitalGains(gains, scope))
            case .risk(let risk):
                if let first = model.risks.first(where: { $0.name.text == risk.name.text }) {
                    report(.duplicateName(risk.name.text, kind: "risken"), risk.name.span,
                           notes: [Diagnostic.Note(message: "först deklarerad här", span: first.name.span)])
                    return
                }
                model.risks.append(risk)
                if let effect = risk.effect {
                    pending.append(.riskEffect(model.risks.count - 1, effect, scope))
                }
            case .sensitivity(let sensitivity):
                pending.append(.sensitivity(sensitivity, scope))
            case .correlation(let correlation):
                pending.append(.correlation(correlation, scope))
            case .scenario(let scenario):
                declareAlternative(scenario, scope)
            case .simulation(let simulation):
                if let first = model.riskAnalysis.simulation.span {
                    report(.duplicateHeader("simulering"), simulation.span,
                           notes: [Diagnostic.Note(message: "först angiven här", span: first)])
                    return
                }
                model.riskAnalysis.simulation.span = simulation.span
                pending.append(.simulation(simulation, scope))
            case .profile(let profile):
                if let first = profileIndex[profile.name.text] {
                    report(.duplicateName(profile.name.text, kind: "profilen"), profile.name.span,
                           notes: [Diagnostic.Note(message: "först deklarerad här", span: model.profiles[first].span)])
                    return
                }
                profileIndex[profile.name.text] = model.profiles.count
                model.profiles.append(Profile(name: profile.name.text, span: profile.name.span, shares: []))
                pending.append(.profile(model.profiles.count - 1, profile, scope))
            case .uniqueNumbers(let span):
                model.uniqueNumberScopes.append((scope.area, span))
            case .ram(let ram):
                declareRam(ram, scope)
            case .namedValue(let named):
                declareNamedValue(named, scope)
            case .area(var area):
                var body = area.body
                area.body = []
                declareArea(area, &body, scope, releasing: releasing)
            case .post(let post):
                declarePost(post, scope)
            case .total(let total):
                declareTotal(total, scope)
            case .bridge(let bridge):
                if let first = bridgeYears[bridge.year] {
                    report(.duplicateBridge(bridge.year), bridge.yearSpan,
                           notes: [Diagnostic.Note(message: "först angiven här", span: first)])
                    return
                }
                bridgeYears[bridge.year] = bridge.yearSpan
                pending.append(.bridge(bridge.year, bridge, scope))
            case .include(let include):
                if let file = program.includes[include.span] {
                    // An included file starts with the settings in force where it is
                    // included; its own `enhet`/`tecken` end with it, as in a block.
                    var inner = scope
                    inner.file = file
                    declare(program.trees[Int(file)].statements, in: inner)
                }
            }
    }

    private mutating func declareHeader(_ header: HeaderStatement) {
        let key = header.kind == .municipality ? "kommun" : "nämnd eller styrelse"
        if let first = headerSpans[key] {
            report(.duplicateHeader(key), header.span,
                   notes: [Diagnostic.Note(message: "först angiven här", span: first)])
            return
        }
        headerSpans[key] = header.span
        switch header.kind {
        case .municipality: model.municipality = header.name.text
        case .committee: model.committee = header.name.text
        }
    }

    private mutating func declareRam(_ ram: RamStatement, _ scope: Scope) {
        if let existing = ramIndex[ram.year] {
            report(.duplicateRam(ram.year), ram.yearSpan,
                   notes: [Diagnostic.Note(message: "först angiven här", span: model.rams[existing].span)])
            return
        }
        ramIndex[ram.year] = model.rams.count
        if let decision = ram.decision, Checker.decisionDate(decision) != nil {
            decisionReferences.append((decision, ram.span))
        }
        model.rams.append(Ram(year: ram.year, span: ram.span, decision: ram.decision,
                              expression: .invalid(span: ram.amount.span)))
        pending.append(.ram(model.rams.count - 1, ram.amount, scope))
    }

    /// Registers `name` in the scope; false (with a diagnostic) if it is taken.
    private mutating func claim(_ name: Name, as member: Member, kind: String, in scope: Scope) -> Bool {
        let table = (scope.area ?? -1) + 1
        let hash = NameTable.hash(name.text)
        // Looked up first (reading the model's names), then inserted: one closure that
        // both read the model and changed the table would need copies of the model's
        // arrays. A closure, not `self.name(of:)`: that would copy the whole checker.
        if let existing = names[table].lookUp(name.text, hash: hash, nameOf: { self.name(of: $0) }) {
            report(.duplicateName(name.text, kind: kind), name.span,
                   notes: [Diagnostic.Note(message: "först deklarerad här", span: span(of: existing))])
            return false
        }
        names[table].insertNew(member, hash: hash)
        globalIndex = nil
        return true
    }

    func span(of member: Member) -> SourceSpan {
        switch member {
        case .area(let a): model.areas[a].span
        case .post(let p): model.posts[p].span
        case .named(let n): model.namedValues[n].span
        }
    }

    private mutating func attach(_ member: Member, to scope: Scope) {
        if let area = scope.area {
            model.areas[area].members.append(member)
        } else {
            model.topLevel.append(member)
        }
    }

    private mutating func declareNamedValue(_ named: NamedValueStatement, _ scope: Scope) {
        let index = model.namedValues.count
        guard claim(named.name, as: .named(index), kind: "värdet", in: scope) else { return }
        model.namedValues.append(NamedValue(name: named.name.text, span: named.name.span, area: scope.area,
                                            sign: scope.sign, expression: .invalid(span: named.value.span),
                                            isAssumption: named.isAssumption))
        attach(.named(index), to: scope)
        pending.append(.named(index, named.value, scope))
    }

    private mutating func declareArea(_ area: AreaStatement, _ body: inout [Statement], _ scope: Scope,
                                      releasing: Bool) {
        let index = model.areas.count
        guard claim(area.name, as: .area(index), kind: "området", in: scope) else { return }
        model.areas.append(Area(name: area.name.text, span: area.name.span, parent: scope.area, sign: scope.sign))
        names.append(NameTable())
        attach(.area(index), to: scope)
        var inner = scope
        inner.area = index
        // The area's total is shown in the sign its block ends in: a block that opens
        // with `tecken bokföring` prints its summa in that sign.
        let end = releasing ? declareReleasing(&body, in: inner) : declare(body, in: inner)
        model.areas[index].sign = end.sign
    }

    mutating func declarePost(_ post: PostStatement, _ scope: Scope) {
        let index = model.posts.count
        guard claim(post.name, as: .post(index), kind: "posten", in: scope) else { return }
        model.posts.append(Post(name: post.name.text, span: post.name.span, area: scope.area, sign: scope.sign))
        model.cells.append(contentsOf: repeatElement(.empty, count: model.columns.count))
        attach(.post(index), to: scope)
        if let profile = post.profile { pending.append(.postProfile(post: index, profile)) }
        let base = index * model.columns.count
        declareCells(post.cells, scope) { checker, column, cell in
            switch cell {
            case .value(let value): checker.model.cells[base + column] = value
            case .expression(let expression): checker.pending.append(.cell(post: index, column: column, expression, scope))
            }
        }
    }

    /// A cell as declared: a literal amount converted at once, or an expression to
    /// resolve once every name is known.
    enum DeclaredCell {
        case value(CellSource)
        case expression(Expression)
    }

    /// Walks the cells of a post or total: each key must name a column and be written
    /// once; each cell goes to `emit` with its column.
    private mutating func declareCells(_ range: CellRange, _ scope: Scope,
                                       _ emit: (inout Checker, Int, DeclaredCell) -> Void) {
        let file = Int(scope.file)
        learnKeyColumns(file)
        for offset in Int(range.start)..<Int(range.start + range.count) {
            let cell = program.trees[file].cell(at: offset)
            guard let column = cellKeyColumns[file][Int(cell.keyIndex)] else {
                unknownColumn(program.trees[file].key(of: cell))
                continue
            }
            // A row has a handful of cells: an earlier one with the same key is found by
            // looking back, without allocating.
            guard !(Int(range.start)..<offset).contains(where: { program.trees[file].cell(at: $0).keyIndex == cell.keyIndex }) else {
                report(.duplicateCell(column: program.trees[file].key(of: cell).text), program.trees[file].key(of: cell).span)
                continue
            }
            if let literal = literalMoney(cell.value, scope.unit) {
                let value = literal.flatMap { $0.negatedIf(scope.sign.factor < 0).map(CellSource.literal) } ?? .empty
                emit(&self, column, .value(value))
            } else {
                emit(&self, column, .expression(cell.value))
            }
        }
    }

    /// The column of each cell key of a file (nil: no such column), found once per file
    /// instead of a dictionary look-up per cell.
    private mutating func learnKeyColumns(_ file: Int) {
        while cellKeyColumns.count <= file { cellKeyColumns.append([]) }
        let keys = program.trees[file].cellKeys
        guard cellKeyColumns[file].count != keys.count else { return }
        cellKeyColumns[file] = keys.map { columnIndex[$0] }
    }

    private mutating func declareTotal(_ total: TotalStatement, _ scope: Scope) {
        guard let area = scope.area else {
            report(.totalOutsideArea, total.span)
            return
        }
        if model.areas[area].printedTotal != nil {
            report(.duplicateTotal, total.span,
                   notes: [Diagnostic.Note(message: "först angiven här", span: model.areas[area].printedTotal?.span)])
            return
        }
        var printed = PrintedTotal(label: total.label, span: total.span,
                                   cells: Array(repeating: .empty, count: model.columns.count))
        declareCells(total.cells, scope) { checker, column, cell in
            switch cell {
            case .value(let value): printed.cells[column] = value
            case .expression(let expression): checker.pending.append(.total(area: area, column: column, expression, scope))
            }
        }
        model.areas[area].printedTotal = printed
    }

    /// The fast path for the common cell — a number, maybe negative, maybe with a
    /// unit. Returns nil when the expression is not of that form; `.some(nil)` when it
    /// is but cannot be an exact amount (the diagnostic is recorded).
    mutating func literalMoney(_ expression: Expression, _ unit: MoneyUnit) -> Money?? {
        switch expression {
        case .number(let literal, let span):
            return .some(exactMoney(literal, unit, span))
        case .withUnit(.number(let literal, _), let explicit, let span):
            return .some(exactMoney(literal, explicit, span))
        case .negate(let inner, _):
            guard let value = literalMoney(inner, unit) else { return nil }
            guard let money = value else { return .some(nil) }
            guard let negated = money.negated() else {
                report(.overflow, expression.span)
                return .some(nil)
            }
            return .some(negated)
        default:
            return nil
        }
    }

    mutating func exactMoney(_ literal: NumberLiteral, _ unit: MoneyUnit, _ span: SourceSpan) -> Money? {
        if let money = literal.money(in: unit) { return money }
        if literal.decimals > unit.exactDecimals {
            report(.tooManyDecimals(unit: unit.rawValue, allowed: unit.exactDecimals), span)
        } else {
            report(.overflow, span)
        }
        return nil
    }
}

extension Money {
    /// Negated when `condition` holds; nil on overflow.
    func negatedIf(_ condition: Bool) -> Money? { condition ? negated() : self }
}
