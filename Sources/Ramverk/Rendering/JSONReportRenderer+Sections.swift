/// The sections of the JSON report after the rows: rams with their revisions, bridges,
/// reserves, balances and checks.
extension JSONReportRenderer {
    /// Lines of text with an amount (revisions, one-off items, adjustments, …).
    func renderAmountLines(_ key: String, _ lines: [(text: String, note: String?, amount: Money?)],
                           textKey: String = "text", withNote: Bool = false, into json: inout JSONWriter) {
        json.beginArray(key)
        for line in lines {
            json.beginObject()
            json.string(textKey, line.text)
            if withNote { json.string("note", line.note) }
            json.integer("amount", line.amount?.ore)
            json.endObject()
        }
        json.endArray()
    }

    func renderRam(_ ram: DriftbudgetReport.RamLine, into json: inout JSONWriter) {
        json.beginObject()
        json.integer("year", Int64(ram.year))
        json.string("decision", ram.decision)
        json.integer("ram", ram.ram?.ore)
        json.integer("original", ram.original?.ore)
        renderAmountLines("revisions", ram.revisions.map { ($0.reference, $0.note, $0.amount) },
                          textKey: "reference", withNote: true, into: &json)
        json.integer("netCost", ram.lines?.ore)
        json.integer("remaining", ram.remaining?.ore)
        json.endObject()
    }

    func renderBalance(_ balance: BalanceResult, into json: inout JSONWriter) {
        json.beginObject()
        json.integer("year", Int64(balance.year))
        json.integer("result", balance.result?.ore)
        json.integer("capitalGains", balance.capitalGains?.ore)
        json.integer("resultExcludingCapitalGains", balance.resultExcludingCapitalGains?.ore)
        renderAmountLines("adjustments", balance.adjustments.map { ($0.text, nil, $0.amount) }, into: &json)
        json.integer("toReserve", balance.toReserve?.ore)
        json.integer("fromReserve", balance.fromReserve?.ore)
        json.integer("balanceResult", balance.balanceResult?.ore)
        json.integer("taxRevenue", balance.taxRevenue?.ore)
        json.string("goal", balance.goal.map(SwedishNumberFormat.machine))
        json.integer("goalAmount", balance.goalAmount?.ore)
        json.endObject()
    }

    /// A reserve; amounts are positive (money available and drawn), in öre.
    func renderReserve(_ reserve: ReserveResult, into json: inout JSONWriter) {
        json.beginObject()
        json.string("name", reserve.name)
        json.string("column", reserve.columnLabel)
        json.integer("opening", reserve.opening?.ore)
        json.beginArray("decisions")
        for line in reserve.lines {
            json.beginObject()
            json.string("reference", line.reference)
            json.integer("amount", line.amount?.ore)
            json.string("destination", line.destination)
            json.bool("external", line.external)
            json.string("note", line.note)
            json.integer("remainingAfter", line.remainingAfter?.ore)
            json.endObject()
        }
        json.endArray()
        json.integer("drawn", reserve.drawn.ore)
        json.integer("drawnExternally", reserve.drawnExternally.ore)
        json.integer("remaining", reserve.remaining?.ore)
        json.endObject()
    }

    func renderBridge(_ bridge: BridgeResult, into json: inout JSONWriter) {
        json.beginObject()
        json.integer("year", Int64(bridge.year))
        json.string("baseLabel", bridge.baseLabel)
        json.integer("base", bridge.base?.ore)
        renderAmountLines("oneOffs", bridge.oneOffs.map { ($0.text, nil, $0.amount) }, into: &json)
        renderAmountLines("changes", bridge.changes.map { ($0.text, nil, $0.amount) }, into: &json)
        json.integer("sumOfChanges", bridge.sumOfChanges?.ore)
        json.integer("printedTotal", bridge.printedTotal?.ore)
        json.integer("computedRam", bridge.computedRam?.ore)
        json.integer("ram", bridge.ram?.ore)
        json.integer("actualChange", bridge.actualChange?.ore)
        json.endObject()
    }

    /// A check as `kör` writes it; `kontrollera` adds the `message` of a failed one
    /// (`CheckText.line`), so both formats describe a check alike.
    func renderCheck(_ check: CheckResult, into json: inout JSONWriter, message: String? = nil) {
        json.beginObject()
        json.string("kind", check.kind.rawValue)
        json.bool("passed", check.passed)
        json.string("subject", check.subject)
        if let message { json.string("message", message) }
        let file = sources[check.span.file]
        let location = file.location(of: Int(check.span.start))
        json.string("file", file.path)
        json.integer("line", Int64(location.line))
        json.integer("column", Int64(location.column))
        if let numbers = check.numbers {
            // Numbers as exact decimal strings; a percentage as its fraction (0.0185).
            json.string("type", numbers.percent ? "percent" : "number")
            json.string("stated", SwedishNumberFormat.machine(numbers.stated))
            json.string("computed", SwedishNumberFormat.machine(numbers.computed))
            json.string("difference", SwedishNumberFormat.machine(numbers.difference))
        } else if check.kind != .uniqueNumbers {
            json.string("type", "money")
            json.integer("stated", check.stated.ore)
            json.integer("computed", check.computed.ore)
            json.integer("difference", check.difference.ore)
        }
        if let comparison = check.comparison { json.string("comparison", comparison.rawValue) }
        if let detail = check.detail { json.string("detail", detail) }
        json.endObject()
    }
}
