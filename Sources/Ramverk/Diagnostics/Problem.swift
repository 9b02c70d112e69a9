/// The catalogue: every problem Ramverk can report, with its stable code, its Swedish
/// message and an optional hint. The only place user-facing diagnostic text is written.
///
/// Codes are stable (scripts and docs refer to them): R01xx reading and tokens,
/// R02xx syntax, R03xx names (R0330–R0339: warnings and a note about what is allowed but
/// rarely meant), R04xx units, types and signs, R05xx evaluation, R06xx files and
/// limits. `Problem.catalogue` holds one of each; docs/diagnostiker.md documents them.
public enum Problem: Error, Sendable, Equatable {
    // R01xx — reading and tokens
    case invalidUTF8
    case nulByte
    case unexpectedCharacter(String)
    case unterminatedString
    case numberTooLarge
    case decimalPointNotComma(String)

    // R02xx — syntax
    case expected(String, found: String)
    case unclosedBlock(keyword: String, line: Int)
    case unmatchedClosingBrace
    case unclosedParenthesis(line: Int)
    case nestingTooDeep(limit: Int)
    case duplicateCell(column: String)
    case emptyName
    case unquotedName(found: String, suggestion: String)
    case yearRunsIntoAmount(String)
    case punctuationInName(found: String)
    case duplicateRiskEffect(String)

    // R03xx — names
    case unknownName(String, suggestion: String?)
    case ambiguousName(String, candidates: [String])
    case duplicateName(String, kind: String)
    case unknownColumn(String, suggestion: String?)
    case duplicateColumn(String)
    case columnNeeded(String)
    case unknownRamYear(Int)
    case duplicateRam(Int)
    case ramNotChecked(year: Int)
    case formulaReadsNoColumn(String)
    case reserveIsEmpty(String)
    case bridgeWithoutBase(year: Int)
    case duplicateBridge(Int)
    case duplicateHeader(String)
    case totalOutsideArea
    case duplicateTotal
    case reserveIsNotAPost(String)
    case malformedDecisionReference(String)
    case destinationIsNotAPost(String)
    case unknownProfile(String, suggestion: String?)
    case balanceWithoutResult(year: Int)
    case profileNotTwelveMonths(String, count: Int)
    case profileDoesNotSumTo100(String, sum: String)
    case monthsOutOfRange
    case periodOutsideYear(String, reason: String)
    case periodShareWithoutPeriod
    case reserveNotCarriedOver(String)
    case carryOverWithoutColumns(year: Int)
    case decisionBeforeReserve(String, year: Int)
    case riskNotQuantified(String)
    case correlationWithItself(String)
    case duplicateCorrelation(String, String)
    case noYearToAnalyse
    case removalNotAPost(String)
    case scenarioOutsideFile
    case unusedNamedValue(String)
    case reserveNeverDrawn(String)
    case decisionCountedTwice(String)
    case decisionOutOfOrder(String, after: String)
    case paragraphWithTwoDates(String, other: String)

    // R04xx — units, types and signs
    case tooManyDecimals(unit: String, allowed: Int)
    case moneyTimesMoney
    case percentWhereMoneyExpected
    case quotientWhereMoneyExpected
    case numberTooPrecise(allowed: Int)
    case comparesAmountWithNumber
    case moneyPlusNumber
    case moneyPlusQuotient
    case percentOfMoney
    case negativeTolerance
    case distributionOutOfOrder(String)
    case negativeDeviation
    case probabilityOutOfRange(String)
    case correlationOutOfRange(String)
    case correlationNotPositiveSemidefinite(pivot: String)
    case ambiguousPercentChange
    case changeKindMismatch(target: String, change: String)
    case lognormalMeanZero
    case replacingEventLognormal
    case percentOfPercent

    // R05xx — evaluation
    case overflow
    case divisionByZero
    case cycle(names: [String])
    case dependencyChainTooLong(limit: Int)
    case evaluationTooDeep(limit: Int)
    case divideByMoney
    case unitOnMoney
    case iterationsOutOfRange(limit: Int)
    case seedNotInteger
    case simulationFailures(failed: Int, of: Int)

    // R06xx — files and limits
    case includeNotFound(String)
    case includeOutsideFolder(String)
    case includeCycle(String)
    case includeTooDeep(limit: Int)
    case includeUnreadable(String, reason: String)
    case includeNotRamverk(String)
    case fileTooLarge(limit: Int)
    case tooManyProblems(limit: Int)

    public var severity: Severity {
        switch self {
        case .ramNotChecked, .formulaReadsNoColumn, .reserveIsEmpty, .unusedNamedValue, .decisionCountedTwice,
             .decisionOutOfOrder, .paragraphWithTwoDates, .riskNotQuantified, .simulationFailures: .warning
        // Informational: an empty reserve is normal early in the year. The problems left
        // out are counted where they stand; this only says that they were.
        case .reserveNeverDrawn, .tooManyProblems: .note
        default: .error
        }
    }

    public var code: String {
        switch self {
        case .invalidUTF8: "R0101"
        case .nulByte: "R0102"
        case .unexpectedCharacter: "R0103"
        case .unterminatedString: "R0104"
        case .numberTooLarge: "R0105"
        case .decimalPointNotComma: "R0106"
        case .expected: "R0201"
        case .unclosedBlock: "R0202"
        case .unmatchedClosingBrace: "R0203"
        case .unclosedParenthesis: "R0204"
        case .nestingTooDeep: "R0205"
        case .duplicateCell: "R0206"
        case .emptyName: "R0207"
        case .unquotedName: "R0208"
        case .yearRunsIntoAmount: "R0209"
        case .punctuationInName: "R0210"
        case .duplicateRiskEffect: "R0211"
        case .unknownName: "R0301"
        case .ambiguousName: "R0302"
        case .duplicateName: "R0303"
        case .unknownColumn: "R0304"
        case .duplicateColumn: "R0305"
        case .columnNeeded: "R0306"
        case .unknownRamYear: "R0307"
        case .duplicateRam: "R0308"
        case .ramNotChecked: "R0309"
        case .formulaReadsNoColumn: "R0320"
        case .reserveIsEmpty: "R0321"
        case .bridgeWithoutBase: "R0310"
        case .duplicateBridge: "R0311"
        case .duplicateHeader: "R0312"
        case .totalOutsideArea: "R0313"
        case .duplicateTotal: "R0314"
        case .reserveIsNotAPost: "R0315"
        case .malformedDecisionReference: "R0316"
        case .destinationIsNotAPost: "R0317"
        case .unknownProfile: "R0318"
        case .balanceWithoutResult: "R0319"
        case .profileNotTwelveMonths: "R0413"
        case .profileDoesNotSumTo100: "R0414"
        case .monthsOutOfRange: "R0415"
        case .periodOutsideYear: "R0322"
        case .periodShareWithoutPeriod: "R0323"
        case .reserveNotCarriedOver: "R0324"
        case .carryOverWithoutColumns: "R0325"
        case .decisionBeforeReserve: "R0326"
        case .riskNotQuantified: "R0340"
        case .correlationWithItself: "R0341"
        case .duplicateCorrelation: "R0342"
        case .noYearToAnalyse: "R0343"
        case .removalNotAPost: "R0344"
        case .scenarioOutsideFile: "R0345"
        case .unusedNamedValue: "R0330"
        case .reserveNeverDrawn: "R0331"
        case .decisionCountedTwice: "R0332"
        case .decisionOutOfOrder: "R0333"
        case .paragraphWithTwoDates: "R0334"
        case .tooManyDecimals: "R0401"
        case .moneyTimesMoney: "R0402"
        case .percentWhereMoneyExpected: "R0403"
        case .quotientWhereMoneyExpected: "R0410"
        case .numberTooPrecise: "R0411"
        case .comparesAmountWithNumber: "R0412"
        case .moneyPlusNumber: "R0404"
        case .moneyPlusQuotient: "R0409"
        case .percentOfMoney: "R0405"
        case .negativeTolerance: "R0406"
        case .distributionOutOfOrder: "R0420"
        case .negativeDeviation: "R0421"
        case .probabilityOutOfRange: "R0422"
        case .correlationOutOfRange: "R0423"
        case .correlationNotPositiveSemidefinite: "R0424"
        case .ambiguousPercentChange: "R0425"
        case .changeKindMismatch: "R0426"
        case .lognormalMeanZero: "R0427"
        case .replacingEventLognormal: "R0428"
        case .percentOfPercent: "R0429"
        case .overflow: "R0501"
        case .divisionByZero: "R0502"
        case .cycle: "R0503"
        case .dependencyChainTooLong: "R0504"
        case .evaluationTooDeep: "R0505"
        case .divideByMoney: "R0407"
        case .unitOnMoney: "R0408"
        case .iterationsOutOfRange: "R0510"
        case .seedNotInteger: "R0511"
        case .simulationFailures: "R0512"
        case .includeNotFound: "R0601"
        case .includeOutsideFolder: "R0602"
        case .includeCycle: "R0603"
        case .includeTooDeep: "R0604"
        case .includeUnreadable: "R0605"
        case .includeNotRamverk: "R0606"
        case .fileTooLarge: "R0607"
        case .tooManyProblems: "R0608"
        }
    }

    public var message: String {
        switch self {
        case .invalidUTF8: "filen är inte giltig UTF-8"
        case .nulByte: "filen innehåller ett NUL-tecken"
        case .unexpectedCharacter(let c): "oväntat tecken \(c)"
        case .unterminatedString: "texten saknar avslutande citattecken"
        case .numberTooLarge: "talet är för stort"
        case .decimalPointNotComma(let text): "decimalpunkt i '\(text)'"
        case .expected(let what, let found): "väntade \(what), fann \(found)"
        case .unclosedBlock(let keyword, let line): "'}' saknas för att stänga '\(keyword)' på rad \(line)"
        case .unmatchedClosingBrace: "'}' utan matchande '{'"
        case .unclosedParenthesis(let line): "')' saknas för att stänga '(' på rad \(line)"
        case .nestingTooDeep(let limit): "för djup nästling (högst \(limit) nivåer)"
        case .duplicateCell(let column): "kolumnen '\(column)' har redan ett värde på raden"
        case .emptyName: "namnet är tomt"
        case .unquotedName(let found, _): "namnet tar slut före \(found)"
        case .yearRunsIntoAmount(let text): "väntade ett årtal, fann talet \(text)"
        case .punctuationInName(let found): "väntade en kolumn (t.ex. 2021:) eller radslut, fann \(found)"
        case .duplicateRiskEffect(let name): "risken '\(name)' påverkar redan ett värde"
        case .unknownName(let name, _): "okänt namn '\(name)'"
        case .ambiguousName(let name, _): "namnet '\(name)' är tvetydigt"
        case .duplicateName(let name, let kind): "\(kind) '\(name)' är redan deklarerad"
        case .unknownColumn(let key, _): "okänd kolumn '\(key)'"
        case .duplicateColumn(let key): "kolumnen '\(key)' är redan deklarerad"
        case .columnNeeded(let name): "'\(name)' har ett värde per kolumn; ange vilken"
        case .unknownRamYear(let year): "ingen ram för \(year)"
        case .duplicateRam(let year): "ram \(year) är redan angiven"
        case .ramNotChecked(let year): "ramen för \(year) kontrolleras inte: ingen kolumn gäller år \(year)"
        case .formulaReadsNoColumn(let key): "formeln för kolumnen '\(key)' läser ingen kolumn i raden"
        case .reserveIsEmpty(let name): "reserven '\(name)' har inget belopp i sin kolumn"
        case .bridgeWithoutBase(let year): "ramförändringen \(year) saknar utgångsläge"
        case .duplicateBridge(let year): "ramförändring \(year) är redan angiven"
        case .duplicateHeader(let keyword): "\(keyword) är redan angiven i filen"
        case .totalOutsideArea: "'summa' hör hemma i ett område"
        case .duplicateTotal: "området har redan en tryckt summa"
        case .reserveIsNotAPost(let name): "reserven '\(name)' är ingen post med en kolumn"
        case .malformedDecisionReference(let text): "beslutsreferensen \"\(text)\" har fel form"
        case .destinationIsNotAPost(let name): "'\(name)' är ingen post att föra pengar till"
        case .unknownProfile(let name, _): "okänd profil '\(name)'"
        case .balanceWithoutResult(let year): "balanskrav \(year) saknar årets resultat"
        case .profileNotTwelveMonths(let name, let count): "profilen '\(name)' har \(count) andelar, inte 12"
        case .profileDoesNotSumTo100(let name, let sum): "profilen '\(name)' summerar till \(sum), inte 100 %"
        case .monthsOutOfRange: "antalet månader ska vara ett heltal från 0 till 12"
        case .periodOutsideYear(let period, let reason): "perioden \(period) ligger utanför året: \(reason)"
        case .periodShareWithoutPeriod: "periodandel() utan antal månader hör hemma i formeln för en kolumn med period"
        case .reserveNotCarriedOver(let name): "'\(name)' är en reserv, och reserver förs inte över till nästa år"
        case .carryOverWithoutColumns(let year): "överföringen \(year) saknar budget- eller utfallskolumn"
        case .decisionBeforeReserve(let reference, let year): "beslutet \(reference) tar av reserven före \(year), då den inte finns"
        case .riskNotQuantified(let name): "risken '\(name)' har ingen fördelning och kan inte korreleras"
        case .correlationWithItself(let name): "risken '\(name)' korreleras med sig själv"
        case .duplicateCorrelation(let a, let b): "korrelationen mellan '\(a)' och '\(b)' är redan angiven"
        case .noYearToAnalyse: "riskanalysen har inget år att räkna på"
        case .removalNotAPost(let name): "'\(name)' är ingen post; ett scenario tar bort poster"
        case .scenarioOutsideFile: "ett scenario kan bara lägga till poster och ändra värden, inte deklarera detta"
        case .unusedNamedValue(let name): "värdet '\(name)' används inte"
        case .reserveNeverDrawn(let name): "inget beslut tar av reserven '\(name)'; hela beloppet finns kvar"
        case .decisionCountedTwice(let reference): "beslutet \"\(reference)\" är redan inskrivet och räknas två gånger"
        case .decisionOutOfOrder(let reference, let after): "beslutet \"\(reference)\" står efter ett senare beslut, \"\(after)\""
        case .paragraphWithTwoDates(let reference, let other):
            "beslutet \"\(reference)\" har samma paragraf som \"\(other)\" men ett annat datum"
        case .tooManyDecimals(let unit, let allowed): "för många decimaler för \(unit) (högst \(allowed))"
        case .moneyTimesMoney: "belopp gånger belopp ger inget belopp"
        case .percentWhereMoneyExpected: "en procentsats är inget belopp"
        case .quotientWhereMoneyExpected: "en kvot av två belopp är inget belopp"
        case .numberTooPrecise(let allowed): "talet har för många decimaler (högst \(allowed))"
        case .comparesAmountWithNumber: "jämför ett belopp med ett tal eller en procentsats"
        case .moneyPlusNumber: "kan inte lägga ihop ett belopp och en procentsats"
        case .moneyPlusQuotient: "kan inte lägga ihop ett belopp och en kvot av belopp"
        case .percentOfMoney: "ett belopp kan inte skrivas i procent"
        case .negativeTolerance: "toleransen kan inte vara negativ"
        case .distributionOutOfOrder(let detail): "fördelningens gränser är i fel ordning: \(detail)"
        case .negativeDeviation: "standardavvikelsen kan inte vara negativ"
        case .probabilityOutOfRange(let value): "sannolikheten \(value) ligger inte mellan 0 och 100 %"
        case .correlationOutOfRange(let value): "korrelationen \(value) ligger inte mellan −1 och 1"
        case .correlationNotPositiveSemidefinite(let pivot): "korrelationerna går inte ihop: matrisen är inte positivt semidefinit (minsta pivot \(pivot))"
        case .ambiguousPercentChange: "tvetydig ändring av en procentsats med en procentsats"
        case .changeKindMismatch(let target, let change): "kan inte ändra \(target) med \(change)"
        case .lognormalMeanZero: "en lognormalfördelning kan inte ha medelvärdet 0"
        case .replacingEventLognormal: "en händelse som ersätter värdet (blir) kan inte ha en lognormalfördelning"
        case .percentOfPercent: "uttrycket är redan en procentsats och kan inte skrivas i procent igen"
        case .overflow: "beloppet blir för stort (högst ±92 biljarder kr)"
        case .divisionByZero: "division med noll"
        case .cycle(let names): "cirkulär definition: \(names.joined(separator: " → "))"
        case .dependencyChainTooLong(let limit): "för lång kedja av beroenden (högst \(limit) led)"
        case .evaluationTooDeep(let limit): "uträkningen är för djup (högst \(limit) nivåer av uttryck och värden)"
        case .divideByMoney: "ett tal kan inte delas med ett belopp"
        case .unitOnMoney: "uttrycket är redan ett belopp och kan inte få en enhet till"
        case .iterationsOutOfRange(let limit): "antalet iterationer ska vara ett heltal från 1 till \(SwedishNumberFormat.integer(limit))"
        case .seedNotInteger: "fröet ska vara ett icke-negativt heltal"
        case .simulationFailures(let failed, let total): "\(SwedishNumberFormat.integer(failed)) av \(SwedishNumberFormat.integer(total)) iterationer gick inte att räkna ut (för stora belopp eller division med noll)"
        case .includeNotFound(let path): "filen '\(path)' finns inte"
        case .includeOutsideFolder(let path): "'\(path)' ligger utanför scenariots mapp"
        case .includeCycle(let path): "'\(path)' inkluderar sig själv"
        case .includeTooDeep(let limit): "för många nivåer av inkludera (högst \(limit))"
        case .includeUnreadable(let path, let reason): "kan inte läsa '\(path)': \(reason)"
        case .includeNotRamverk(let path): "'\(path)' är ingen .ramverk-fil"
        case .fileTooLarge(let limit): "den inkluderade filen är större än \(limit) MiB"
        case .tooManyProblems(let limit): "för många problem: bara de första \(limit) felen och \(limit) varningarna och noterna visas"
        }
    }

    public var help: String? {
        switch self {
        case .invalidUTF8: return "spara filen som UTF-8"
        case .nulByte: return "filen ser ut att vara binär; ta bort tecknet"
        case .unterminatedString: return "avsluta texten med \" på samma rad"
        // A control character (ESC, BEL …) belongs nowhere in a text file, not even in quotes.
        case .unexpectedCharacter(let c) where c.hasPrefix("(kod"): return "ett styrtecken hör inte hemma i en textfil; ta bort det"
        case .unexpectedCharacter: return "tecknet kan bara stå i en text inom citattecken"
        case .unquotedName(_, let suggestion):
            return "ett namn med mellanslag skrivs inom citattecken i ett uttryck: \"\(suggestion)\""
        case .yearRunsIntoAmount:
            return "ett årtal följt av ett belopp läses som ett enda tal; skriv '=' emellan, t.ex. ram 2021 = 247 000"
        case .punctuationInName:
            return "skriv namnet inom citattecken om det innehåller skiljetecken: post \"…\" 2021: 100"
        case .decimalPointNotComma(let text):
            return "skriv decimalkomma: \(String(text.map { $0 == "." ? "," : $0 }))"
        case .numberTooLarge: return "belopp och tal får ha högst 18 siffror"
        case .unknownName(_, let suggestion?), .unknownColumn(_, let suggestion?), .unknownProfile(_, let suggestion?):
            return "menade du '\(suggestion)'?"
        case .ambiguousName(_, let candidates):
            return "skriv hela vägen, t.ex. \(candidates.prefix(3).map { "'\($0)'" }.joined(separator: " eller "))"
        case .columnNeeded(let name): return "skriv t.ex. \(name).2021"
        case .bridgeWithoutBase(let year): return "ange 'ram \(year - 1) = …' eller 'från …' i blocket"
        case .ramNotChecked(let year): return "deklarera 'kolumn \(year)' eller 'kolumn Budget år \(year)'"
        case .balanceWithoutResult: return "skriv t.ex. 'resultat 48 060' i blocket"
        case .periodOutsideYear: return "skriv år och månad, t.ex. period 2024-04, för ett år som filen har kolumner för"
        case .periodShareWithoutPeriod: return "skriv antalet månader, t.ex. periodandel(4), eller ge kolumnen en period"
        case .decisionBeforeReserve: return "kontrollera beslutets datum, eller reservens kolumn"
        case .unusedNamedValue: return "ett värde i ett område visas inte i rapporten; använd det i en uträkning eller ta bort raden"
        case .decisionCountedTwice: return "ta bort den ena raden, eller rätta datum och paragraf om det är ett annat beslut"
        case .decisionOutOfOrder: return "skriv besluten i datumordning, som i protokollen, och kontrollera datumet"
        case .paragraphWithTwoDates:
            return "ett organs paragrafer numreras löpande under året, så en paragraf hör till ett sammanträde; kontrollera datum och paragraf"
        case .carryOverWithoutColumns: return "skriv t.ex. 'budget Inv2021' och 'utfall Utfall2021' i blocket"
        case .profileNotTwelveMonths: return "en andel per månad, januari till december, åtskilda med ', '"
        case .profileDoesNotSumTo100: return "justera en av andelarna så att summan blir exakt 100 %"
        case .formulaReadsNoColumn: return "en kolumn med tal som nyckel skrivs inom citattecken: \"2021\" − \"2020\""
        case .reserveIsEmpty: return "ge posten ett belopp i kolumnen, eller ange en annan kolumn"
        case .reserveIsNotAPost: return "ange posten och kolumnen, t.ex. reserv \"Kommunstyrelsens reserv\".2021 { … }"
        case .malformedDecisionReference: return "skriv organ, datum och paragraf, t.ex. \"KS 2021-03-15 § 45\""
        case .destinationIsNotAPost: return "ange en post i nämnden, eller extern \"mottagare\" för pengar som lämnar nämnden"
        case .moneyTimesMoney: return "multiplicera ett belopp med ett tal eller en procentsats"
        case .percentWhereMoneyExpected: return "räkna procent av ett belopp, t.ex. Folkhälsa.2020 × 3 %"
        case .quotientWhereMoneyExpected: return "multiplicera kvoten med ett belopp"
        case .comparesAmountWithNumber: return "båda sidor ska vara belopp, eller båda tal"
        case .moneyPlusNumber: return "räkna procent av beloppet: belopp × 3 %"
        case .tooManyDecimals: return "byt till en mindre enhet, t.ex. kr"
        case .overflow: return "kontrollera enheten och storleksordningen"
        case .cycle: return "ett värde kan inte bero på sig självt"
        case .includeOutsideFolder: return "inkludera bara filer i samma mapp eller under den"
        case .includeNotRamverk: return "filnamnet ska sluta på .ramverk"
        case .duplicateRiskEffect: return "en risk påverkar ett värde; skriv en risk till för nästa"
        case .riskNotQuantified: return "ge risken en fördelning: påverkar Post.2021 med triangel min … troligast … max …"
        case .noYearToAnalyse: return "ange året: simulering { år 2021 }"
        case .removalNotAPost: return "ange en post; ett område försvinner när alla dess poster är borttagna"
        case .scenarioOutsideFile: return "skriv det i filen, utanför scenariot, eller som en ändring: Namn = uttryck"
        case .distributionOutOfOrder: return "skriv min ≤ troligast ≤ max"
        case .correlationNotPositiveSemidefinite: return "sänk någon av korrelationerna; tre risker kan inte alla vara starkt med- och motkorrelerade samtidigt"
        case .ambiguousPercentChange: return "skriv 'ökar med 1 procentenhet' (2,4 % → 3,4 %) eller '= löneökning × 101 %' (2,4 % → 2,424 %)"
        case .seedNotInteger: return "skriv t.ex. frö 42"
        case .replacingEventLognormal: return "skriv 'påverkar … med händelse …' och utfallet som en förändring av värdet"
        case .percentOfPercent: return "ta bort det sista %; 2,4 % % vore 0,024 %"
        case .lognormalMeanZero: return "medelvärdets tecken anger sidan: positivt för intäkter, negativt för kostnader"
        case .simulationFailures: return "kontrollera fördelningarnas storleksordning och enhet"
        case .evaluationTooDeep: return "dela upp uträkningen i färre steg"
        case .tooManyProblems: return "rätta de första och kör igen; har filen tusentals fel är den troligen ingen scenariofil"
        default: return nil
        }
    }
}
