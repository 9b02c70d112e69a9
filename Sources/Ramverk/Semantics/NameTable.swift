/// The names declared directly in one scope (an area, or the file): an open-addressing
/// hash table from name to member. One small table per scope keeps the table being
/// filled in the cache while a large area is declared; names are compared through the
/// model, so the table holds no strings of its own, only 8 bytes a slot.
///
/// The declaring pass inserts without a closure (`probe`, `next`, `insert`): a closure
/// reading the model while the table, also part of the checker, is changed would
/// overlap two accesses to the checker.
struct NameTable {
    /// The hash's low half (enough to skip almost every other name; equal names are
    /// confirmed by comparing them) and the member packed as kind and index.
    private struct Entry {
        var hashBits: UInt32
        var packed: UInt32

        /// A free slot: no member packs to all ones (its index would need 30 bits set).
        static let free = Entry(hashBits: 0, packed: .max)
        var isFree: Bool { packed == .max }

        init(hashBits: UInt32, packed: UInt32) {
            self.hashBits = hashBits
            self.packed = packed
        }

        @inline(__always)
        init(hash: UInt64, member: Member) {
            hashBits = UInt32(truncatingIfNeeded: hash)
            switch member {
            case .area(let index): packed = UInt32(index) << 2
            case .post(let index): packed = UInt32(index) << 2 | 1
            case .named(let index): packed = UInt32(index) << 2 | 2
            }
        }

        var member: Member {
            let index = Int(packed >> 2)
            switch packed & 3 {
            case 0: return .area(index)
            case 1: return .post(index)
            default: return .named(index)
            }
        }
    }

    /// Always a power of two long, at most half full (short probes).
    private var slots: [Entry]
    private(set) var count = 0

    /// A table let go of (`Checker.closeNames`): no slots, until it is rebuilt.
    static let closed = NameTable(slots: [])
    var isClosed: Bool { slots.isEmpty }

    private init(slots: [Entry]) {
        self.slots = slots
    }

    /// A table that takes `expectedNames` names without growing (an area's body has at
    /// most one name a statement, so the checker sizes each area's table once).
    init(expectedNames: Int = 0) {
        var size = 8
        while size < expectedNames * 2 { size *= 2 }
        slots = Array(repeating: .free, count: size)
    }

    /// Where a search for one name stands: the slot to look at next, and the hash bits
    /// every candidate must have.
    struct Probe {
        fileprivate var slot: Int
        fileprivate let hashBits: UInt32
    }

    /// Starts a search for a name hashing to `hash`.
    @inline(__always)
    func probe(_ hash: UInt64) -> Probe {
        Probe(slot: Int(truncatingIfNeeded: hash) & (slots.count - 1), hashBits: UInt32(truncatingIfNeeded: hash))
    }

    /// The next member whose hash matches (the caller compares its name); nil when the
    /// search has reached a free slot, where `insert(_:at:)` puts a new name.
    @inline(__always)
    func next(_ probe: inout Probe) -> Member? {
        let mask = slots.count - 1
        while true {
            let entry = slots[probe.slot]
            if entry.isFree { return nil }
            probe.slot = (probe.slot + 1) & mask
            if entry.hashBits == probe.hashBits { return entry.member }
        }
    }

    /// Adds `member` at the free slot where a finished search for its name ended, and
    /// grows the table once it is more than half full (so a search always ends).
    @inline(__always)
    mutating func insert(_ member: Member, at probe: Probe) {
        let hashBits = probe.hashBits
        slots[probe.slot] = Entry(hashBits: hashBits, packed: Entry(hash: UInt64(hashBits), member: member).packed)
        count += 1
        if count * 2 > slots.count { rehash(slots.count * 2) }
    }

    /// The member named `name`, comparing names through `nameOf`.
    func lookUp(_ name: String, nameOf: (Member) -> String) -> Member? {
        var search = probe(NameTable.hash(name))
        while let candidate = next(&search) {
            if nameOf(candidate) == name { return candidate }
        }
        return nil
    }

    /// Adds `member` unless the name is taken; returns the member that has it.
    mutating func insert(_ name: String, member: Member, nameOf: (Member) -> String) -> Member? {
        var search = probe(NameTable.hash(name))
        while let candidate = next(&search) {
            if nameOf(candidate) == name { return candidate }
        }
        insert(member, at: search)
        return nil
    }

    private mutating func rehash(_ size: Int) {
        let old = slots
        slots = Array(repeating: .free, count: size)
        let mask = size - 1
        for entry in old where !entry.isFree {
            // The low 32 bits of the hash are all a slot needs: tables stay far smaller.
            var slot = Int(entry.hashBits) & mask
            while !slots[slot].isFree { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
