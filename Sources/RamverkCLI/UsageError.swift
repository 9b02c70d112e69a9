/// A command line that cannot be run (exit 64), as data: the parser finds most of them,
/// a command its own (`--trådar 0`). `HelpText.usageError` renders every one the same
/// way, with the usage line and where to read more.
enum UsageError: Error, Equatable {
    /// `--bogus`; the closest option's name when one is close.
    case unknownOption(String, suggestion: String?)
    /// `--format` last, with no value after it.
    case missingValue(option: String)
    /// `--tyst=ja`.
    case flagWithValue(option: String)
    /// `--format xml`, `--iterationer många`; `expected` says what would do.
    case invalidValue(option: String, value: String, expected: String, suggestion: String?)
    /// A required positional argument not given.
    case missingArgument(String, hint: String?)
    /// More positional arguments than the command takes.
    case unexpectedArgument(String)
    /// `ramverk kontrolera`, `ramverk help okänt`: shown for the program, not a command.
    case unknownCommand(String, suggestion: String?)
    /// A command's own check of its arguments, already a sentence.
    case invalid(String)

    /// The sentence after "fel: ", in Swedish.
    var message: String {
        switch self {
        case .unknownOption(let option, let suggestion):
            return "okänd flagga '\(option)'" + UsageError.didYouMean(suggestion)
        case .missingValue(let option):
            return "värde saknas efter '\(option)'"
        case .flagWithValue(let option):
            return "'\(option)' tar inget värde"
        case .invalidValue(let option, let value, let expected, let suggestion):
            return "ogiltigt värde '\(value)' för '\(option)'; \(expected)" + UsageError.didYouMean(suggestion)
        case .missingArgument(let name, let hint):
            return "\(name) saknas" + (hint.map { "; \($0)" } ?? "")
        case .unexpectedArgument(let argument):
            return "oväntat argument '\(argument)'"
        case .unknownCommand(let name, let suggestion):
            return "okänt kommando '\(name)'" + UsageError.didYouMean(suggestion)
        case .invalid(let message):
            return message
        }
    }

    /// Whether the error is about the program rather than the command it was given to
    /// (so the program's usage is shown).
    var concernsProgram: Bool {
        if case .unknownCommand = self { return true }
        return false
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; menade du '\($0)'?" } ?? ""
    }
}
