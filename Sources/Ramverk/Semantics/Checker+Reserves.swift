/// Resolving decisions: those drawing on a reserve (post and column, reference, amount,
/// destination) and those revising a year's ram.
extension Checker {
    mutating func resolveReserve(_ statement: ReserveStatement, _ scope: Scope) -> Reserve? {
        let post: Int
        let column: Int
        switch resolveReference(statement.post, scope, .none) {
        case .post(let index, let written?, _):
            (post, column) = (index, written)
        case .invalid:
            return nil  // The name's own diagnostic says why.
        default:
            report(.reserveIsNotAPost(statement.post.text), statement.post.span)
            return nil
        }
        if !statement.decisions.isEmpty { reservesWithDecisions.insert([post, column]) }
        var decisions: [Reserve.Decision] = []
        var written = DecisionsAsWritten()
        let reserveYear = model.columns[column].year
        for decision in statement.decisions {
            guard let date = Checker.decisionDate(decision.reference) else {
                report(.malformedDecisionReference(decision.reference), decision.referenceSpan)
                continue
            }
            decisionReferences.append((decision.reference, decision.referenceSpan))
            // A reserve of a year's budget exists from that year on.
            if let reserveYear, let decisionYear = Int(date.prefix(4)), decisionYear < reserveYear {
                report(.decisionBeforeReserve(decision.reference, year: reserveYear), decision.referenceSpan)
                continue
            }
            let destination: Reserve.Decision.Destination
            switch decision.destination {
            case .external(let receiver):
                destination = .external(receiver)
            case .post(let reference):
                switch resolveReference(reference, scope, .fixed(column)) {
                case .post(let target, _, _):
                    destination = .post(target)
                case .invalid:
                    continue
                default:
                    report(.destinationIsNotAPost(reference.text), reference.span)
                    continue
                }
            }
            // One decision may send money to several posts, one line each; the same
            // decision to the same receiver twice is the money counted twice.
            let receiver = switch destination {
            case .post(let target): "post \(target)"
            case .external(let receiver): "extern \(receiver)"
            }
            written.add(decision.reference, date: date, at: decision.referenceSpan, key: receiver, to: &self)
            decisions.append(Reserve.Decision(
                reference: decision.reference, date: date, span: decision.span,
                amount: resolve(decision.amount, scope, .fixed(column)), sign: scope.sign,
                destination: destination, note: decision.note))
        }
        // Decisions take effect in date order; the sort is stable, so file order breaks ties.
        let ordered = decisions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        return Reserve(post: post, column: column, span: statement.span, decisions: ordered.map(\.element))
    }

    mutating func resolveRevision(_ statement: RevisionStatement, _ scope: Scope) {
        guard let ram = ramIndex[statement.year] else {
            report(.unknownRamYear(statement.year), statement.yearSpan)
            return
        }
        let context = model.column(forYear: statement.year).map(ColumnContext.fixed) ?? .none
        var revisions = model.rams[ram].revisions
        // Earlier `justering` blocks of the same year count too: a decision in two of
        // them revises the ram twice.
        var written = DecisionsAsWritten(earlier: revisions.map { ($0.reference, $0.span) })
        for decision in statement.decisions {
            guard let date = Checker.decisionDate(decision.reference) else {
                report(.malformedDecisionReference(decision.reference), decision.referenceSpan)
                continue
            }
            decisionReferences.append((decision.reference, decision.referenceSpan))
            written.add(decision.reference, date: date, at: decision.referenceSpan, key: "", to: &self)
            revisions.append(Ram.Revision(reference: decision.reference, date: date, span: decision.span,
                                          amount: resolve(decision.amount, scope, context), note: decision.note))
        }
        let ordered = revisions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        model.rams[ram].revisions = ordered.map(\.element)
    }

    mutating func resolveCarryOver(_ statement: CarryOverStatement, _ scope: Scope) -> CarryOver? {
        var budget: Int?
        var actual: Int?
        var decisions: [Int: String] = [:]
        let reservePosts = Set(model.reserves.map(\.post))
        for item in statement.items {
            switch item {
            case .budgetColumn(let key), .actualColumn(let key):
                guard let column = column(for: key) else {
                    unknownColumn(key)
                    continue
                }
                if case .budgetColumn = item { budget = column } else { actual = column }
            case .decision(let reference, let referenceSpan, let projects):
                if Checker.decisionDate(reference) == nil {
                    report(.malformedDecisionReference(reference), referenceSpan)
                } else {
                    decisionReferences.append((reference, referenceSpan))
                }
                for project in projects {
                    switch resolveReference(project, scope, .dynamic) {
                    case .post(let post, _, _):
                        if reservePosts.contains(post) {
                            report(.reserveNotCarriedOver(project.text), project.span)
                        } else {
                            decisions[post] = reference
                        }
                    case .invalid: continue
                    default: report(.destinationIsNotAPost(project.text), project.span)
                    }
                }
            }
        }
        guard let budget, let actual else {
            report(.carryOverWithoutColumns(year: statement.year), statement.yearSpan)
            return nil
        }
        return CarryOver(year: statement.year, span: statement.span, budgetColumn: budget, actualColumn: actual,
                         decisions: decisions)
    }

    /// The date in a decision reference of the form "KS 2021-03-15 § 45", or nil when the
    /// reference is not of that form (organ, date, §, number).
    static func decisionDate(_ reference: String) -> String? {
        let parts = reference.split(separator: " ")
        guard parts.count == 4, parts[0].allSatisfy(\.isLetter), parts[2] == "§",
              !parts[3].isEmpty, parts[3].allSatisfy(\.isNumber) else { return nil }
        let date = parts[1].split(separator: "-")
        guard date.count == 3, date[0].count == 4, date[1].count == 2, date[2].count == 2,
              let month = Int(date[1]), let day = Int(date[2]), Int(date[0]) != nil,
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(parts[1])
    }
}
