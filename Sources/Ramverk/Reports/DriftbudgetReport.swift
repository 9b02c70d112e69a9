/// The data of the driftbudget report (`ramverk kör`): what is shown, in the sign each
/// table is printed in, before any rendering. Text and JSON renderers read only this.
public struct DriftbudgetReport: Sendable {
    public struct ColumnInfo: Sendable {
        public var key: String
        public var label: String
        public var year: Int?
        /// A follow-up column (part of a year): no change between years is shown for it.
        public var isPeriod: Bool = false
    }

    /// One table of the report: consecutive top-level areas that use the same columns
    /// (a driftbudget, an exploateringsbudget and a finansförvaltning in one file are
    /// three tables, each with only its own columns).
    public struct Table: Sendable {
        public var rows: Range<Int>
        /// Indices into `columns`.
        public var columns: [Int]
        /// Changes between consecutive years among this table's columns.
        public var changes: [Change]
    }

    /// A change between two shown columns (by index into `columns`).
    public struct Change: Sendable {
        public var from: Int
        public var to: Int
    }

    public struct Row: Sendable {
        /// Raw values are the stable identifiers of the JSON output.
        public enum Kind: String, Sendable {
            case area
            case post
            case total
            case grandTotal
        }
        public var kind: Kind
        public var depth: Int
        public var name: String
        /// Where the row was declared (for totals: the `summa` line, if printed).
        public var span: SourceSpan?
    }

    /// A named value (`låt`) declared at file level, per shown column.
    public struct NamedValueLine: Sendable {
        public var name: String
        public var values: [Value?]
    }

    public struct RamLine: Sendable {
        /// A decision revising the ram during the year.
        public struct Revision: Sendable {
            public var reference: String
            public var note: String?
            public var amount: Money?
        }
        public var year: Int
        public var decision: String?
        /// The ram as decided, when revisions changed it.
        public var original: Money?
        public var revisions: [Revision]
        /// The ram, net cost.
        public var ram: Money?
        /// The net cost of all lines in the ram's year, if a column has that year.
        public var lines: Money?
        /// ram − lines: left (positive) or exceeded (negative).
        public var remaining: Money?
        public var columnLabel: String?
    }

    public var municipality: String?
    public var committee: String?
    public var unit: MoneyUnit
    public var sign: SignConvention
    public var tolerance: Money
    public var columns: [ColumnInfo]
    public var tables: [Table]
    public var rows: Rows
    /// Per table, per shown column: the sum of the table's top-level lines.
    let tableTotals: [Money?]
    /// The figures are read from the evaluation when shown, not copied: a report of a
    /// million rows costs its rows only.
    let evaluation: Evaluation
    /// The model column of each shown column.
    let modelColumns: [Int]
    /// Printed figures that differ from the computed ones, by the same index.
    public var printedMismatches: [Int: Money]
    public var namedValues: [NamedValueLine]
    public var rams: [RamLine]
    public var bridges: [BridgeResult]
    public var reserves: [ReserveResult]
    public var balances: [BalanceResult]
    public var capitalGains: [CapitalGainsResult]
    public var carryOvers: [CarryOverResult]
    public var risks: [RiskStatement]
    public var checks: [CheckResult]

    /// The figure of a row in a shown column, in the row's own sign; nil = blank.
    public func value(row index: Int, column: Int) -> Money? {
        let row = rows.entries[index]
        let modelColumn = modelColumns[column]
        let value: Money?
        switch row.kind {
        case .area: return nil
        case .post: value = evaluation.value(post: Int(row.source), column: modelColumn)
        case .total: value = evaluation.total(area: Int(row.source), column: modelColumn)
        case .grandTotal: value = tableTotals[Int(row.source) * columns.count + column]
        }
        return value.flatMap { $0.negatedIf(row.flip) }
    }

    public var failedChecks: Int { checks.count { !$0.passed } }
}
