import Testing
@testable import Ramverk

/// The checker's name table and its hash: names Swift's `==` calls equal (canonical
/// equivalence — precomposed or decomposed letters, and the few canonical singletons)
/// must hash alike wherever in the name the difference falls, since the hash reads
/// eight bytes at a time; different names should almost never share the hash bits the
/// table keeps.
struct NameTableTests {
    /// Each Latin-1 letter with a canonical decomposition, written both ways.
    static let latin1Spellings: [(composed: String, decomposed: String)] = {
        let bases = Array("AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞsaaaaaaaceeeeiiiidnooooo÷ouuuuyþy".unicodeScalars)
        var spellings: [(String, String)] = []
        for (offset, base) in bases.enumerated() where base.isASCII {
            let letter = String(Unicode.Scalar(0xC0 + UInt32(offset))!)
            for mark in [0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0x327] as [UInt32] {
                let decomposed = String(base) + String(Unicode.Scalar(mark)!)
                if decomposed == letter { spellings.append((letter, decomposed)) }
            }
        }
        return spellings
    }()

    @Test func everyLatin1LetterHasBothSpellings() {
        // 53 of the 64 of U+00C0–U+00FF: not Æ Ð × Ø Þ ß æ ð ÷ ø þ.
        #expect(Self.latin1Spellings.count == 53)
    }

    @Test func composedAndDecomposedLettersHashAlikeAtEveryOffset() {
        for (composed, decomposed) in Self.latin1Spellings {
            for prefix in 0...17 {
                let lead = String("Hemtjänst Solrosen".prefix(prefix))
                for tail in ["", "lsa", " och sjukvård Trollet"] {
                    let a = lead + composed + tail
                    let b = lead + decomposed + tail
                    #expect(a == b)
                    #expect(NameTable.hash(a) == NameTable.hash(b), "\(a.debugDescription) / \(b.debugDescription)")
                }
            }
        }
    }

    @Test(arguments: [("\u{212A}elvin", "Kelvin"), ("\u{212B}ngström", "Ångström"), ("A\u{30A}ngstro\u{308}m", "\u{212B}ngström"),
                      ("x\u{37E}y", "x;y"), ("\u{1FEF}a", "`a"), ("Ga\u{341}ddja\u{340}vri", "G\u{E1}ddj\u{E0}vri"),
                      ("\u{10C}ohkkiras", "C\u{30C}ohkkiras"), ("\u{1DF}b", "a\u{308}\u{304}b"),
                      ("a\u{327}\u{301}", "a\u{301}\u{327}"), ("Ω", "\u{2126}")])
    func canonicallyEqualNamesHashAlike(first: String, second: String) {
        #expect(first == second)
        #expect(NameTable.hash(first) == NameTable.hash(second))
    }

    @Test func namesOfEveryLengthHashApart() {
        var seen = Set<UInt64>()
        for length in 0...40 {
            for letter in ["a", "ö"] {
                let name = String(repeating: letter, count: length)
                if length > 0 || letter == "a" { #expect(seen.insert(NameTable.hash(name)).inserted, "\(name)") }
            }
        }
    }

    @Test func manyNamesRarelyShareTheTablesHashBits() {
        let words = ["Hemtjänst", "Förskola", "Äldreomsorg", "Skolskjuts", "Kajen", "Solrosen", "Trollet", "Björken"]
        var names: [String] = []
        for first in words {
            for second in words {
                for number in 0..<300 { names.append("\(first) \(second) \(number)") }
            }
        }
        let bits = Set(names.map { UInt32(truncatingIfNeeded: NameTable.hash($0)) })
        #expect(bits.count >= names.count - 5)
    }

    @Test func tableFindsEachNameAndRefusesDuplicates() {
        var table = NameTable()
        var names: [String] = []
        for index in 0..<5_000 { names.append(index % 3 == 0 ? "Förskola \(index)" : "Post \(index)") }
        for (index, name) in names.enumerated() {
            #expect(table.insert(name, member: .post(index), nameOf: { names[Self.index(of: $0)] }) == nil)
        }
        #expect(table.count == names.count)
        for (index, name) in names.enumerated() {
            #expect(table.lookUp(name, nameOf: { names[Self.index(of: $0)] }).map(Self.index(of:)) == index)
        }
        let decomposed = "Fo\u{308}rskola 3"
        #expect(table.insert(decomposed, member: .post(9_999), nameOf: { names[Self.index(of: $0)] }).map(Self.index(of:)) == 3)
        #expect(table.lookUp("Förskola 4", nameOf: { names[Self.index(of: $0)] }) == nil)
    }

    @Test func sizedTableHoldsItsNamesWithoutGrowing() {
        var table = NameTable(expectedNames: 100)
        for index in 0..<100 {
            #expect(table.insert("P\(index)", member: .area(index), nameOf: { "P\(Self.index(of: $0))" }) == nil)
        }
        #expect(table.lookUp("P99", nameOf: { "P\(Self.index(of: $0))" }) == .area(99))
    }

    private static func index(of member: Member) -> Int {
        switch member {
        case .area(let index), .post(let index), .named(let index): index
        }
    }
}
