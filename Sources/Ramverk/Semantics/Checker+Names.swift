/// The names of each scope: claimed as declarations come, looked up as references are
/// resolved. An area's table is needed while its block is declared (to find a name
/// written twice) and afterwards only where an expression or a scenario reaches into
/// the area, so it is let go of when the block ends and rebuilt from the area's
/// members on first use: a large file's tables never all live at once (about 16 bytes
/// a name, at the peak of the run).
extension Checker {
    /// The name of a member, as the name table compares it.
    func name(of member: Member) -> String {
        switch member {
        case .area(let a): model.areas[a].name
        case .post(let p): model.posts[p].name
        case .named(let n): model.namedValues[n].name
        }
    }

    mutating func child(named name: String, in scope: Int?) -> Member? {
        let table = (scope ?? -1) + 1
        openNames(table)
        // A closure, not `self.name(of:)`, which would copy the whole checker per call.
        return names[table].lookUp(name, nameOf: { self.name(of: $0) })
    }

    /// Registers `name` in the scope; false (with a diagnostic) if it is taken.
    mutating func claim(_ name: Name, as member: Member, kind: String, in scope: Scope) -> Bool {
        let hash = NameTable.hash(name.text)
        let table = (scope.area ?? -1) + 1
        // A scenario's post goes into an area declared (and closed) before.
        openNames(table)
        // Probed here rather than through a closure: the candidates' names are read
        // from the model between the table's steps, so no access to the checker
        // overlaps another and nothing is copied.
        var probe = names[table].probe(hash)
        while let candidate = names[table].next(&probe) {
            guard self.name(of: candidate) != name.text else {
                report(.duplicateName(name.text, kind: kind), name.span,
                       notes: [Diagnostic.Note(message: "först deklarerad här", span: span(of: candidate))])
                return false
            }
        }
        names[table].insert(member, at: probe)
        if globalIndex != nil { globalIndex = nil }
        return true
    }

    /// Lets go of an area's table once its block is declared.
    mutating func closeNames(ofArea area: Int) {
        names[area + 1] = .closed
    }

    /// Makes sure the table is there to use.
    @inline(__always)
    mutating func openNames(_ table: Int) {
        if names[table].isClosed { rebuildNames(table) }
    }

    /// Rebuilds a closed table from its scope's members, which are the names it held
    /// (`claim` and `attach` go together), in the same order.
    private mutating func rebuildNames(_ table: Int) {
        let members = table == 0 ? model.topLevel : model.areas[table - 1].members
        var rebuilt = NameTable(expectedNames: members.count)
        for member in members {
            var probe = rebuilt.probe(NameTable.hash(name(of: member)))
            while rebuilt.next(&probe) != nil {}
            rebuilt.insert(member, at: probe)
        }
        names[table] = rebuilt
    }
}
