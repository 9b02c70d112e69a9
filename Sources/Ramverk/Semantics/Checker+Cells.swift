/// Posts and `summa` lines: the cells of each, by column. A literal amount — nearly
/// every cell of a large file — is converted at once into the model; any other
/// expression is queued until every name is known.
extension Checker {
    mutating func declarePost(_ post: PostStatement, _ scope: Scope) {
        let index = model.posts.count
        guard claim(post.name, as: .post(index), kind: "posten", in: scope) else { return }
        model.posts.append(Post(name: post.name.text, span: post.name.span, area: scope.area, sign: scope.sign))
        attach(.post(index), to: scope)
        if let profile = post.profile { pending.append(.postProfile(post: index, profile)) }
        declareRow(post.cells, of: index, scope)
    }

    /// A post's cells as its row of the model's cell matrix.
    private mutating func declareRow(_ range: CellRange, of post: Int, _ scope: Scope) {
        let columns = model.columns.count
        let file = Int(scope.file)
        if file >= cellKeyColumns.count { learnKeyColumns() }
        let negative = scope.sign.factor < 0
        // Read in place: a copy of each cell would retain and release its expression.
        program.trees[file].cells(of: range).withUnsafeBufferPointer { cells in
            // The common row — literal amounts, one a column, in column order — is
            // appended as it is read. Distinct columns have distinct keys, so no cell
            // of it repeats another.
            var offset = 0
            while offset < cells.count, offset < columns,
                  cellKeyColumns[file][Int(cells[offset].keyIndex)] == offset,
                  let amount = Checker.plainAmount(cells[offset].value, unit: scope.unit, negative: negative) {
                model.cells.append(.literal(amount))
                offset += 1
            }
            // Any other row: the rest of it in general.
            for _ in offset..<columns { model.cells.append(.empty) }
            let base = post * columns
            while offset < cells.count {
                defer { offset += 1 }
                guard let column = column(ofCellAt: offset, in: cells, file: file) else { continue }
                if let literal = literalCell(cells[offset].value, scope) {
                    model.cells[base + column] = literal
                } else {
                    pending.append(.cell(post: post, column: column, cells[offset].value, scope))
                }
            }
        }
    }

    mutating func declareTotal(_ total: TotalStatement, _ scope: Scope) {
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
        let file = Int(scope.file)
        if file >= cellKeyColumns.count { learnKeyColumns() }
        program.trees[file].cells(of: total.cells).withUnsafeBufferPointer { cells in
            for offset in cells.indices {
                guard let column = column(ofCellAt: offset, in: cells, file: file) else { continue }
                if let literal = literalCell(cells[offset].value, scope) {
                    printed.cells[column] = literal
                } else {
                    pending.append(.total(area: area, column: column, cells[offset].value, scope))
                }
            }
        }
        model.areas[area].printedTotal = printed
    }

    /// The column of the cell at `offset` of a post's or total's `cells`; nil (with a
    /// diagnostic) when its key names no column or an earlier cell has the same key.
    @inline(__always)
    private mutating func column(ofCellAt offset: Int, in cells: UnsafeBufferPointer<Cell>, file: Int) -> Int? {
        let keyIndex = cells[offset].keyIndex
        guard let column = cellKeyColumns[file][Int(keyIndex)] else {
            unknownColumn(program.trees[file].key(of: cells[offset]))
            return nil
        }
        // A row has a handful of cells: an earlier one with the same key is found by
        // looking back, without allocating.
        for earlier in 0..<offset where cells[earlier].keyIndex == keyIndex {
            let key = program.trees[file].key(of: cells[offset])
            report(.duplicateCell(column: key.text), key.span)
            return nil
        }
        return column
    }

    /// The column of each cell key of each file (nil: no such column), found once
    /// instead of a dictionary look-up per cell. The keys are known once the files
    /// are parsed, and the columns once declared.
    mutating func learnKeyColumns() {
        cellKeyColumns = program.trees.map { tree in tree.cellKeys.map { columnIndex[$0] } }
    }

    /// The amount of the common cell — a number, maybe negated, in whole öre of the
    /// unit — in internal sign (`negative`: the scope's sign flips it). nil for any
    /// other cell and for one `literalCell` must give a message or an empty cell.
    @inline(__always)
    static func plainAmount(_ expression: Expression, unit: MoneyUnit, negative: Bool) -> Money? {
        let literal: NumberLiteral
        var flip = negative
        switch expression {
        case .number(let number, _):
            literal = number
        case .negate(.number(let number, _), _):
            literal = number
            flip.toggle()
        default:
            return nil
        }
        // Whole öre: `NumberLiteral.money(in:)`'s common case, the unit's öre being
        // 10^exactDecimals, without its division and power loop.
        let scale = unit.exactDecimals - literal.decimals
        guard scale >= 0 else { return nil }
        let (ore, overflow) = literal.mantissa.multipliedReportingOverflow(by: Checker.powersOfTen[scale])
        // Int64.min is the one amount that cannot be negated.
        guard !overflow, ore != .min else { return nil }
        return Money(ore: flip ? -ore : ore)
    }

    /// 10^0 … 10^11: a literal's scale to öre in any unit (mdkr has 11 decimals).
    private static let powersOfTen: [Int64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
                                               100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000]

    /// A cell's value when it is a literal amount, in internal sign (an empty cell when
    /// the amount is not exact, with its message); nil for an expression to resolve
    /// once every name is known.
    private mutating func literalCell(_ value: Expression, _ scope: Scope) -> CellSource? {
        if let amount = Checker.plainAmount(value, unit: scope.unit, negative: scope.sign.factor < 0) {
            return .literal(amount)
        }
        guard let literal = literalMoney(value, scope.unit) else { return nil }
        return literal.flatMap { $0.negatedIf(scope.sign.factor < 0).map(CellSource.literal) } ?? .empty
    }

    /// A literal amount — a number, maybe negative, maybe with a unit — as written (not
    /// yet in internal sign). Returns nil when the expression is not of that form;
    /// `.some(nil)` when it is but cannot be an exact amount (the diagnostic is recorded).
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
