/// A piece of a `matches` pattern in ICU regular expression syntax, read as far as `Pattern`'s
/// analyses need: which characters stand for themselves, where classes, groups and
/// alternatives are, and what each quantifier allows. `read` is not a validator: ICU compiles
/// the pattern; this reads one that ICU accepted.
enum PatternToken: Equatable {
  /// A character that stands for itself (unless a flag such as `(?i)` or `(?x)` says otherwise).
  case character(Unicode.Scalar)
  /// `\` and the character after it, with the argument some escapes take: `{…}` after `\p`,
  /// `\P`, `\x` and `\N`, `<…>` after `\k`.
  case escape(Unicode.Scalar, argument: String?)
  /// `\Q…\E`: quoted text.
  case quoted(String)
  /// `[…]`; `nested` when the class holds another class.
  case characterClass(nested: Bool)
  /// `(`, or `(?` with the flag letters after it (`i` in `(?i)`, `x-i` in `(?x-i:`, empty in
  /// `(?:`, `(?=` and `(?<name>`).
  case groupStart(flags: String?)
  /// `)`.
  case groupEnd
  /// `|`.
  case alternative
  /// `?`, `*`, `+` or `{…}` (with its lazy `?` or possessive `+`, if any).
  case quantifier(Quantifier)

  /// What a quantifier allows of the piece before it.
  enum Quantifier: Equatable {
    /// `?`.
    case optional
    /// `*`.
    case star
    /// `+`.
    case plus
    /// `{n}`.
    case exactly(Int)
    /// `{m,n}` with m ≤ n.
    case between(Int, Int)
    /// `{m,}`.
    case atLeast(Int)
    /// Braces that hold none of the above.
    case unread

    /// Whether the piece before may be absent from a match.
    var allowsNone: Bool {
      switch self {
      case .optional, .star, .unread: true
      case .plus: false
      case .exactly(let n), .between(let n, _), .atLeast(let n): n == 0
      }
    }
  }

  /// The tokens of `pattern`; nil when it ends inside a class or with a lone `\`.
  static func read(_ pattern: String) -> [PatternToken]? {
    let c = Array(pattern.unicodeScalars)
    var tokens: [PatternToken] = []
    var i = 0
    // the text from `k` up to `close` (exclusive), and the index after `close`
    func through(_ close: Unicode.Scalar, from k: Int) -> (String, Int) {
      var text = ""
      var k = k
      while k < c.count, c[k] != close { text.unicodeScalars.append(c[k]); k += 1 }
      return (text, k + 1)
    }
    while i < c.count {
      switch c[i] {
      case "\\":
        guard i + 1 < c.count else { return nil }
        let letter = c[i + 1]
        i += 2
        if letter == "Q" {
          var text = ""
          while i < c.count, !(c[i] == "\\" && i + 1 < c.count && c[i + 1] == "E") { text.unicodeScalars.append(c[i]); i += 1 }
          tokens.append(.quoted(text))
          i += 2
        } else if let open: Unicode.Scalar = "pPxN".unicodeScalars.contains(letter) ? "{" : letter == "k" ? "<" : nil, i < c.count,
          c[i] == open
        {
          let (argument, next) = through(open == "{" ? "}" : ">", from: i + 1)
          tokens.append(.escape(letter, argument: argument))
          i = next
        } else {
          tokens.append(.escape(letter, argument: nil))
        }
      case "[":
        // to the matching bracket: `]` first (after `^`) is a member, `\` escapes one character
        var depth = 0
        var nested = false
        var k = i
        repeat {
          if c[k] == "[" {
            depth += 1
            nested = nested || depth > 1
            k += 1
            if k < c.count, c[k] == "^" { k += 1 }
            if k < c.count, c[k] == "]" { k += 1 }
          } else {
            if c[k] == "]" { depth -= 1 }
            k += c[k] == "\\" ? 2 : 1
          }
        } while depth > 0 && k < c.count
        guard depth == 0 else { return nil }
        tokens.append(.characterClass(nested: nested))
        i = k
      case "(":
        i += 1
        if i < c.count, c[i] == "?" {
          var flags = ""
          i += 1
          while i < c.count, c[i].properties.isAlphabetic || c[i] == "-" { flags.unicodeScalars.append(c[i]); i += 1 }
          tokens.append(.groupStart(flags: flags))
        } else {
          tokens.append(.groupStart(flags: nil))
        }
      case ")": tokens.append(.groupEnd); i += 1
      case "|": tokens.append(.alternative); i += 1
      case "?", "*", "+", "{":
        var quantifier: Quantifier
        switch c[i] {
        case "?": quantifier = .optional; i += 1
        case "*": quantifier = .star; i += 1
        case "+": quantifier = .plus; i += 1
        default:
          let (text, next) = through("}", from: i + 1)
          i = next
          let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.filter { $0 != " " }) }
          switch (bounds.count, bounds.first ?? nil, bounds.last ?? nil) {
          case (1, let n?, _): quantifier = .exactly(n)
          case (2, let low?, let high?) where high >= low: quantifier = .between(low, high)
          case (2, let low?, nil) where text.hasSuffix(","): quantifier = .atLeast(low)
          default: quantifier = .unread
          }
        }
        if i < c.count, c[i] == "?" || c[i] == "+" { i += 1 }
        tokens.append(.quantifier(quantifier))
      default:
        tokens.append(.character(c[i]))
        i += 1
      }
    }
    return tokens
  }
}
