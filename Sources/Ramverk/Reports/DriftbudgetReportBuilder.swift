/// Lays out an evaluated model as a driftbudget: areas with their posts and computed
/// totals in written order, the chosen columns, changes between consecutive years,
/// rams, ramförändringar and the checks.
public enum DriftbudgetReportBuilder {
    /// `columnKeys`: the columns to show, by key; empty = all. Unknown keys are the
    /// caller's to reject (see `unknownColumns`). `hiddenPosts`: posts this evaluation
    /// does not have (nil = the base: the posts only scenarios have).
    public static func build(model: Model, evaluation: Evaluation, columnKeys: [String] = [],
                             hiddenPosts: Set<Int>? = nil) -> DriftbudgetReport {
        let selected: [Int] = columnKeys.isEmpty
            ? Array(model.columns.indices)
            : columnKeys.compactMap { key in model.columns.firstIndex { $0.key == key } }
        let columns = selected.map {
            DriftbudgetReport.ColumnInfo(key: model.columns[$0].key, label: model.columns[$0].label,
                                         year: model.columns[$0].year, isPeriod: model.columns[$0].period != nil)
        }
        var layout = Layout(model: model, evaluation: evaluation, selected: selected,
                            hidden: hiddenPosts ?? Set(model.alternativePosts))
        layout.rows.entries.reserveCapacity(model.posts.count + model.areas.count * 2 + 1)
        var tables: [DriftbudgetReport.Table] = []
        var tableTotals: [Money?] = []
        for group in groups(model: model, evaluation: evaluation, selected: selected) {
            let first = layout.rows.count
            layout.add(group.members, depth: 0)
            // A total row when the table has more than one top-level line.
            if group.members.count > 1 {
                layout.rows.entries.append(.init(source: Int32(tables.count), depth: 0, kind: .grandTotal,
                                                 flip: model.displaySign.factor < 0))
            }
            for column in selected {
                var total: Money? = nil
                for member in group.members {
                    let part: Money?
                    switch member {
                    case .post(let post): part = evaluation.value(post: post, column: column)
                    case .area(let area): part = evaluation.total(area: area, column: column)
                    case .named: part = nil
                    }
                    if let part { total = (total ?? .zero).adding(part) ?? total }
                }
                tableTotals.append(total)
            }
            var changes: [DriftbudgetReport.Change] = []
            for (a, b) in zip(group.columns, group.columns.dropFirst()) {
                if let from = columns[a].year, let to = columns[b].year, to == from + 1,
                   !columns[a].isPeriod, !columns[b].isPeriod {
                    changes.append(.init(from: a, to: b))
                }
            }
            tables.append(.init(rows: first..<layout.rows.count, columns: group.columns, changes: changes))
        }

        let rams = model.rams.enumerated().map { index, ram -> DriftbudgetReport.RamLine in
            let column = model.column(forYear: ram.year)
            let lines = column.flatMap { (evaluation.grandTotals[$0] ?? .zero).negated() }
            let frame = evaluation.rams[index]
            let remaining = frame.flatMap { frame in lines.flatMap { frame.subtracting($0) } }
            let revisions = zip(ram.revisions, evaluation.revisionAmounts[index]).map { revision, amount in
                DriftbudgetReport.RamLine.Revision(reference: revision.reference, note: revision.note, amount: amount)
            }
            return .init(year: ram.year, decision: ram.decision, original: evaluation.originalRams[index],
                         revisions: revisions, ram: frame, lines: lines, remaining: remaining,
                         columnLabel: column.map { model.columns[$0].label })
        }
        let namedValues = model.topLevel.compactMap { member -> DriftbudgetReport.NamedValueLine? in
            // Assumptions are shown with the risk analysis they belong to.
            guard case .named(let index) = member, !model.namedValues[index].isAssumption else { return nil }
            let values = selected.map { evaluation.namedValues[index * model.columns.count + $0] }
            return .init(name: model.namedValues[index].name, values: values)
        }
        return DriftbudgetReport(
            municipality: model.municipality, committee: model.committee, unit: model.displayUnit,
            sign: model.displaySign, tolerance: evaluation.tolerance, columns: columns, tables: tables,
            rows: layout.rows, tableTotals: tableTotals, evaluation: evaluation, modelColumns: selected,
            printedMismatches: layout.mismatches,
            namedValues: namedValues, rams: rams,
            bridges: evaluation.bridges, reserves: evaluation.reserves,
            balances: evaluation.balances, capitalGains: evaluation.capitalGains, carryOvers: evaluation.carryOvers,
            risks: model.risks,
            checks: evaluation.checks)
    }

    /// Consecutive top-level lines that share shown columns (a column is used when some
    /// post under the line has a value in it), each group one table.
    private static func groups(model: Model, evaluation: Evaluation, selected: [Int]) -> [(members: [Member], columns: [Int])] {
        // Walks the posts under a line in place (no list of them is built).
        func markUsed(_ member: Member, _ used: inout [Bool]) {
            switch member {
            case .post(let post):
                for (shown, column) in selected.enumerated() where !used[shown] {
                    used[shown] = evaluation.value(post: post, column: column) != nil
                }
            case .area(let area):
                for inner in model.areas[area].members { markUsed(inner, &used) }
            case .named:
                break
            }
        }
        var groups: [(members: [Member], columns: [Int])] = []
        for member in model.topLevel {
            if case .named = member { continue }
            var used = Array(repeating: false, count: selected.count)
            markUsed(member, &used)
            // An area is a table of its own unless it uses exactly the columns of the one
            // before; a top-level post (or a line with no values) joins the table before it
            // when they share a column, and the table then shows the columns of both.
            let columns = used.indices.filter { used[$0] }
            let isPost = if case .post = member { true } else { false }
            // Compare with the last group's columns only: binding the whole group would
            // copy its member list on every append.
            if let lastColumns = groups.last?.columns,
               columns.isEmpty || lastColumns == columns || (isPost && !Set(lastColumns).isDisjoint(with: columns)) {
                groups[groups.count - 1].members.append(member)
                if lastColumns != columns && !columns.isEmpty {
                    groups[groups.count - 1].columns = Array(Set(lastColumns).union(columns)).sorted()
                }
            } else {
                groups.append(([member], columns.isEmpty ? Array(selected.indices) : columns))
            }
        }
        return groups
    }

    /// Names of requested columns the model does not have.
    public static func unknownColumns(_ keys: [String], in model: Model) -> [String] {
        keys.filter { key in !model.columns.contains { $0.key == key } }
    }

    /// The rows of the tables in written order: each area, its lines, then its total.
    private struct Layout {
        let model: Model
        let evaluation: Evaluation
        let selected: [Int]
        let hidden: Set<Int>
        var rows: DriftbudgetReport.Rows
        var mismatches: [Int: Money] = [:]

        init(model: Model, evaluation: Evaluation, selected: [Int], hidden: Set<Int>) {
            self.model = model
            self.evaluation = evaluation
            self.selected = selected
            self.hidden = hidden
            rows = DriftbudgetReport.Rows(posts: model.posts, areas: model.areas)
        }

        mutating func add(_ members: [Member], depth: Int32) {
            for member in members {
                switch member {
                case .post(let post):
                    if !hidden.isEmpty && hidden.contains(post) { continue }
                    rows.entries.append(.init(source: Int32(post), depth: depth, kind: .post,
                                              flip: model.posts[post].sign.factor < 0))
                case .area(let area):
                    rows.entries.append(.init(source: Int32(area), depth: depth, kind: .area, flip: false))
                    add(model.areas[area].members, depth: depth + 1)
                    rows.entries.append(.init(source: Int32(area), depth: depth, kind: .total,
                                              flip: model.areas[area].sign.factor < 0))
                    recordMismatches(area: area, row: rows.count - 1)
                case .named:
                    continue
                }
            }
        }

        /// Failed printed-total checks by the `summa` line they are about (built once,
        /// so a file of many areas is not searched once per area).
        lazy var failedTotals: [SourceSpan: [CheckResult]] = Dictionary(
            grouping: evaluation.checks.filter { $0.kind == .printedTotal && !$0.passed }, by: \.span)

        /// The printed figure of every failed printed-total check on this area's row.
        mutating func recordMismatches(area: Int, row: Int) {
            guard let printed = model.areas[area].printedTotal, !failedTotals.isEmpty else { return }
            for check in failedTotals[printed.span] ?? [] {
                if let shown = selected.firstIndex(where: { $0 == check.column }) {
                    mismatches[row * selected.count + shown] = check.stated
                }
            }
        }
    }
}
