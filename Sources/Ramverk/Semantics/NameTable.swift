/// The names declared directly in one scope (an area, or the file): an open-addressing
/// hash table from name to member. One small table per scope keeps the table being
/// filled in the cache while a large area is declared, and costs 24 bytes a name; names
/// are compared through the model, so the table holds no strings of its own.
struct NameTable {
    private struct Entry {
        var hash: UInt64
        var member: Member
    }

    private var entries: [Entry] = []
    /// Indices into `entries`; -1 marks an empty slot. Always a power of two long.
    private var slots: [Int32] = Array(repeating: -1, count: 8)

    var count: Int { entries.count }

    /// FNV-1a over the name with diacritics folded away, so that canonically equal
    /// spellings ("ä" precomposed, or "a" + U+0308, which `==` treats as one name) hash
    /// alike: Latin-1 letters count as their base letter and combining marks are
    /// skipped. A name with other non-ASCII letters takes Swift's own
    /// normalisation-blind hash. Equal names always hash alike; names that only fold
    /// alike are told apart by `==`.
    static func hash(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in name.unicodeScalars {
            let value = scalar.value
            let folded: UInt32
            if value < 0x80 {
                folded = value
            } else if value >= 0xC0 && value <= 0xFF {
                folded = UInt32(NameTable.latin1Base[Int(value - 0xC0)])
            } else if value >= 0x300 && value <= 0x36F {
                continue
            } else {
                return UInt64(bitPattern: Int64(name.hashValue))
            }
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }

    /// U+00C0–U+00FF by their base letter (À→A, ä→a, ö→o, …; the rest as they are).
    private static let latin1Base: [UInt8] = Array("AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy".unicodeScalars)
        .map { UInt8(truncatingIfNeeded: $0.value) }

    /// The member named `name`, comparing names through `nameOf`.
    func lookUp(_ name: String, nameOf: (Member) -> String) -> Member? {
        lookUp(name, hash: NameTable.hash(name), nameOf: nameOf)
    }

    private func lookUp(_ name: String, hash: UInt64, nameOf: (Member) -> String) -> Member? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if entry.hash == hash && nameOf(entry.member) == name { return entry.member }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `member` unless the name is taken; returns the member that has it.
    mutating func insert(_ name: String, member: Member, nameOf: (Member) -> String) -> Member? {
        let hash = NameTable.hash(name)
        if let existing = lookUp(name, hash: hash, nameOf: nameOf) { return existing }
        if (entries.count + 1) * 2 > slots.count { rehash(slots.count * 2) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, member: member))
        return nil
    }

    /// Every declared member, in declaration order.
    var members: [Member] { entries.map(\.member) }

    private mutating func rehash(_ size: Int) {
        slots = Array(repeating: -1, count: size)
        let mask = size - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
