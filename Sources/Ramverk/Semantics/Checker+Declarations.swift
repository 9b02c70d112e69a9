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
            if case .post(let post) = statement {
                // The common statement, straight to its declaration: the general switch
                // below cost more than declaring the post.
                declarePost(post, scope)
            } else if case .area(var area) = statement {
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

    func span(of member: Member) -> SourceSpan {
        switch member {
        case .area(let a): model.areas[a].span
        case .post(let p): model.posts[p].span
        case .named(let n): model.namedValues[n].span
        }
    }

    mutating func attach(_ member: Member, to scope: Scope) {
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
        // Sized once from the body, which declares at most one name a statement: an
        // area's members and names never grow (and waste) by doubling.
        var declared = Area(name: area.name.text, span: area.name.span, parent: scope.area, sign: scope.sign)
        declared.members.reserveCapacity(body.count)
        model.areas.append(declared)
        names.append(NameTable(expectedNames: body.count))
        attach(.area(index), to: scope)
        var inner = scope
        inner.area = index
        // The area's total is shown in the sign its block ends in: a block that opens
        // with `tecken bokföring` prints its summa in that sign.
        let end = releasing ? declareReleasing(&body, in: inner) : declare(body, in: inner)
        model.areas[index].sign = end.sign
        closeNames(ofArea: index)
    }
}
