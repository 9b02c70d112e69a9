/// The kinds of token. Keywords are their own kinds so the parser can switch on them;
/// `Keyword.spelling` holds their Swedish text.
public enum TokenKind: UInt8, Sendable, Equatable {
    case word, number, string
    case plus, minus, times, divide, percent
    case leftParen, rightParen, leftBrace, rightBrace
    case colon, equals, comma, dot, semicolon
    case less, lessEqual, greater, greaterEqual, notEqual, plusMinus
    case newline, endOfFile
    case keyword
}

/// Keywords of the language (Grammar/ramverk.ebnf). They are words with a fixed
/// meaning; in a declared name every word is allowed, keywords included.
public enum Keyword: UInt8, Sendable, CaseIterable {
    case kommun, namnd, styrelse, enhet, tecken, tolerans, kolumn, ar, ram, enligt, lat
    case omrade, post, summa, ramforandring, fran, forandring, engangspost, inkludera
    case kr, tkr, mnkr, mdkr, procent, nettokostnad, bokforing, resultat
    case forvanta, kontroll, unika, nummer
    case reserv, beslut, till, extern
    case profil, periodandel, justering
    case balanskrav, realisationsvinster, resultatreserv, skatteintakter, resultatmal
    case risk, beskrivning, riktning, negativ, positiv, bada, tacks
    case period, overforing
    case antagande, kanslighet, korrelation, simulering, scenario

    public var spelling: String {
        switch self {
        case .kommun: "kommun"
        case .namnd: "nämnd"
        case .styrelse: "styrelse"
        case .enhet: "enhet"
        case .tecken: "tecken"
        case .tolerans: "tolerans"
        case .kolumn: "kolumn"
        case .ar: "år"
        case .ram: "ram"
        case .enligt: "enligt"
        case .lat: "låt"
        case .omrade: "område"
        case .post: "post"
        case .summa: "summa"
        case .ramforandring: "ramförändring"
        case .fran: "från"
        case .forandring: "förändring"
        case .engangspost: "engångspost"
        case .inkludera: "inkludera"
        case .kr: "kr"
        case .tkr: "tkr"
        case .mnkr: "mnkr"
        case .mdkr: "mdkr"
        case .procent: "procent"
        case .nettokostnad: "nettokostnad"
        case .bokforing: "bokföring"
        case .resultat: "resultat"
        case .forvanta: "förvänta"
        case .kontroll: "kontroll"
        case .unika: "unika"
        case .nummer: "nummer"
        case .reserv: "reserv"
        case .beslut: "beslut"
        case .till: "till"
        case .extern: "extern"
        case .profil: "profil"
        case .periodandel: "periodandel"
        case .justering: "justering"
        case .balanskrav: "balanskrav"
        case .realisationsvinster: "realisationsvinster"
        case .resultatreserv: "resultatreserv"
        case .skatteintakter: "skatteintäkter"
        case .resultatmal: "resultatmål"
        case .risk: "risk"
        case .beskrivning: "beskrivning"
        case .riktning: "riktning"
        case .negativ: "negativ"
        case .positiv: "positiv"
        case .bada: "båda"
        case .tacks: "täcks"
        case .period: "period"
        case .overforing: "överföring"
        case .antagande: "antagande"
        case .kanslighet: "känslighet"
        case .korrelation: "korrelation"
        case .simulering: "simulering"
        case .scenario: "scenario"
        }
    }

    public var unit: MoneyUnit? {
        switch self {
        case .kr: .kr
        case .tkr: .tkr
        case .mnkr: .mnkr
        case .mdkr: .mdkr
        default: nil
        }
    }

    /// Keyword lookup by UTF-8 bytes; built once.
    static let table: [[UInt8]: Keyword] = Dictionary(
        uniqueKeysWithValues: Keyword.allCases.map { (Array($0.spelling.utf8), $0) })
}

/// One token: its kind, where it is, and for keywords which one. Small on purpose;
/// the text is read from the source when needed.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var keyword: Keyword?
    public var start: Int32
    public var end: Int32

    public var range: Range<Int> { Int(start)..<Int(end) }

    /// True for tokens that can be a word of a declared name.
    var isNameWord: Bool { kind == .word || kind == .keyword || kind == .number }

    func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword && self.keyword == keyword }
}
