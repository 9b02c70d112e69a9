/// The names declared in each scope: an open-addressing hash table from (scope, name)
/// to a member. Built for models of a million posts: 24 bytes a name and a fast
/// hash over the name's UTF-8 (a general `Dictionary` keyed by strings cost three times
/// the memory and most of the checker's time). Names are compared through the model,
/// so the table holds no strings of its own.
struct NameTable {
    private struct Entry {
        var hash: UInt64
        var scope: Int32
        var member: Member
    }

    private var entries: [Entry] = []
    /// Indices into `entries`; -1 marks an empty slot. Always a power of two long.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    var count: Int { entries.count }

    mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
        var size = slots.count
        while size < capacity * 2 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    static func hash(_ name: String, scope: Int32) -> UInt64 {
        // FNV-1a over the bytes of an ASCII name. Other names may be written in two
        // canonically equal ways ("ä" precomposed or as a + U+0308), which `==` treats as
        // one name: they take Swift's hash, which is blind to that difference.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var ascii = true
        for byte in name.utf8 {
            if byte >= 0x80 { ascii = false; break }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        if !ascii { hash = UInt64(bitPattern: Int64(name.hashValue)) }
        hash ^= UInt64(UInt32(bitPattern: scope)) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ (hash >> 29)
    }

    /// The member named `name` in `scope`, comparing names through `nameOf`.
    func lookUp(_ name: String, scope: Int32, nameOf: (Member) -> String) -> Member? {
        let hash = NameTable.hash(name, scope: scope)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let entry = entries[Int(index)]
            if entry.hash == hash && entry.scope == scope && nameOf(entry.member) == name { return entry.member }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `member` unless `scope` already has the name; returns the member that
    /// already has it.
    mutating func insert(_ name: String, scope: Int32, member: Member, nameOf: (Member) -> String) -> Member? {
        if let existing = lookUp(name, scope: scope, nameOf: nameOf) { return existing }
        if (entries.count + 1) * 2 > slots.count { rehash(slots.count * 2) }
        let hash = NameTable.hash(name, scope: scope)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, scope: scope, member: member))
        return nil
    }

    /// Every member with `name`, in any scope (for names not found by scope).
    func everywhere(_ name: String, nameOf: (Member) -> String) -> [Member] {
        entries.filter { nameOf($0.member) == name }.map(\.member)
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
