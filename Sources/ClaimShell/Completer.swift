import ClaimQuery
import Foundation

/// Tab completion, as a function of the line, the cursor and what the engine knows: keywords
/// allowed at the cursor, fields of the statement's collection, collections, `let` names,
/// dot-commands and their arguments (file paths too, through `entries`), and values (entity,
/// topic, source names and their aliases) inside a string after `actor =`, `topic in (` and
/// the like.
public struct Completer {
  /// Candidates for the word before the cursor, each a full replacement of it.
  public struct Result: Equatable, Sendable {
    /// The replacements, sorted.
    public var candidates: [String]
    /// Whether a single candidate is followed by a space (not inside a string).
    public var appendSpace: Bool
    /// The UTF-8 offset in the line where the replaced word starts.
    public var start: Int = 0
  }

  /// Collections and `let` names.
  var sources: [String]
  /// The columns of a collection or `let` name.
  var columns: (String) -> [String]
  /// The values of a field of a collection, and the lexicon's aliases of them.
  var values: (String, String) -> (names: [String], aliases: [String])

  /// The entries of a folder, folders marked with a trailing `/`, for the file arguments of
  /// `.read`, `.load`, `.save`, `.export` and `.sql view`.
  var entries: (String) -> [String]

  /// A completer over an engine's names, fields and values, and the file system's folders.
  public init(engine: QueryEngine) {
    sources = engine.sourceNames
    columns = { engine.columns(of: $0)?.map(\.name) ?? [] }
    values = { engine.values(of: $0, in: $1) }
    entries = { folder in
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      return names.map { name in
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isFolder)
        return isFolder.boolValue ? name + "/" : name
      }
    }
  }

  /// Candidates for `line` with the cursor at UTF-8 offset `cursor`.
  public func complete(_ line: String, cursor: Int) -> Result {
    let text = String(decoding: Array(line.utf8).prefix(cursor), as: UTF8.self)
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    if trimmed.hasPrefix(".") { return dotCommand(String(trimmed), leading: text.utf8.count - trimmed.utf8.count) }
    let tokens = Lexer.tokens(in: SourceText(text)).filter { $0.kind != .end }
    // the statement under the cursor: tokens since the last separator
    let start = (tokens.lastIndex { $0.kind == .semicolon || $0.kind == .newline }.map { $0 + 1 }) ?? 0
    var statement = Array(tokens[start...])
    if let last = statement.last, last.kind == .invalid(.unterminatedString), last.range.end == text.utf8.count {
      var result = value(in: statement, partial: slice(text, last.range))
      result.start = last.range.start
      return result
    }
    // the partial word: an identifier or keyword that ends at the cursor
    var partial = ""
    if let last = statement.last, last.range.end == text.utf8.count {
      switch last.kind {
      case .identifier, .keyword:
        partial = slice(text, last.range)
        statement.removeLast()
      default: break
      }
    }
    let collection = sourceOf(statement)
    var result = words(candidatesAfter(statement, collection: collection), partial: partial)
    result.start = text.utf8.count - partial.utf8.count
    return result
  }

  func slice(_ text: String, _ range: SourceRange) -> String {
    String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
  }

  /// The statement's collection: the name after `let x =`, or its first name.
  func sourceOf(_ statement: [QueryToken]) -> String? {
    var tokens = statement[...]
    if case .keyword(.let)? = tokens.first?.kind { tokens = tokens.dropFirst(3) }
    if case .identifier(let name)? = tokens.first?.kind { return name }
    return nil
  }

  /// The words allowed after `statement`.
  func candidatesAfter(_ statement: [QueryToken], collection: String?) -> [String] {
    guard let previous = statement.last else { return sources + ["let"] }
    let fields = collection.map(columns) ?? []
    let stages = Keyword.stageStarts.map(\.rawValue)
    let connectives = ["and", "or"]
    let inWith =
      statement.contains { $0.kind == .keyword(.with) }
      && !statement.contains {
        $0.kind == .keyword(.where) && $0.range.start > (statement.last { $0.kind == .keyword(.with) }?.range.start ?? 0)
      }
    switch previous.kind {
    case .keyword(.let): return []
    case .equal where statement.first?.kind == .keyword(.let) && statement.count == 3: return sources
    case .keyword(.where), .keyword(.and), .keyword(.or), .keyword(.not): return fields + ["not"]
    case .keyword(.select), .leftParen: return fields
    case .keyword(.distinct) where statement.dropLast().last?.kind == .leftParen: return fields
    case .keyword(.by): return fields + ["count"]
    case .comma:
      return inWith ? aggregates : fields + ["count"]
    case .keyword(.with): return aggregates
    case .keyword(.group), .keyword(.order): return ["by"]
    case .keyword(.is): return ["not", "null"]
    case .identifier(let name):
      if statement.count == 1 || (statement.count == 4 && statement.first?.kind == .keyword(.let)) { return stages }
      if fields.contains(name) && !isAfterStageList(statement) { return ["contains", "matches", "in", "is", "not"] }
      return stages + connectives + ["asc", "desc", "as", "with"]
    case .string, .integer, .date, .rightParen, .keyword(.null), .keyword(.true), .keyword(.false):
      return connectives + stages
    case .keyword(.desc), .keyword(.asc), .keyword(.count):
      return stages
    default: return []
    }
  }

  /// Whether the name just typed is in a `group by`, `select` or `order by` list, not a comparison.
  func isAfterStageList(_ statement: [QueryToken]) -> Bool {
    for token in statement.reversed() {
      switch token.kind {
      case .keyword(.where), .keyword(.and), .keyword(.or), .keyword(.not), .leftParen: return false
      case .keyword(.by), .keyword(.select): return true
      default: continue
      }
    }
    return false
  }

  var aggregates: [String] { ["count", "count(distinct ", "min(", "max(", "list("] }

  /// Values of the field the string compares with: `actor = "Zel`, `topic in ("a", "b`.
  func value(in statement: [QueryToken], partial: String) -> Result {
    let quote = partial.first.map(String.init) ?? "\""
    let typed = String(partial.dropFirst()).lowercased()
    var field: String? = nil
    for token in statement.dropLast().reversed() {
      switch token.kind {
      case .leftParen, .comma, .string, .equal, .notEqual, .keyword(.in), .keyword(.not), .keyword(.contains), .keyword(.matches),
        .less, .lessEqual, .greater, .greaterEqual:
        continue
      case .identifier(let name): field = name
      default: break
      }
      break
    }
    guard let field, let collection = sourceOf(statement) else { return Result(candidates: [], appendSpace: false) }
    // the names themselves first; their aliases only when no name fits ("Volo" → "Volodymyr Zelensky")
    let (names, aliases) = values(field, collection)
    var matches = names.filter { $0.lowercased().hasPrefix(typed) }
    if matches.isEmpty { matches = aliases.filter { $0.lowercased().hasPrefix(typed) } }
    return Result(candidates: Array(Set(matches)).sorted().map { quote + $0 }, appendSpace: false)
  }

  func words(_ candidates: [String], partial: String) -> Result {
    let lower = partial.lowercased()
    let matches = Array(Set(candidates.filter { $0.lowercased().hasPrefix(lower) && !$0.isEmpty })).sorted()
    return Result(candidates: matches, appendSpace: !(matches.first?.hasSuffix("(") ?? false) && !(matches.first?.hasSuffix(" ") ?? false))
  }

  /// Dot-command names, then their arguments.
  func dotCommand(_ text: String, leading: Int) -> Result {
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    if parts.count == 1 {
      var result = words(DotCommand.all.map { "." + $0.name }, partial: text)
      result.start = leading
      return result
    }
    let partial = String(parts.last ?? "")
    // `.explain QUERY`, `.sql [dialect] QUERY`: the query completes as at the prompt
    func query(after words: Int) -> Result {
      let skipped = parts.prefix(words).map { $0.utf8.count + 1 }.reduce(0, +)
      var result = complete(String(decoding: Array(text.utf8).dropFirst(skipped), as: UTF8.self), cursor: text.utf8.count - skipped)
      result.start += skipped + leading
      return result
    }
    var result: Result
    switch parts[0] {
    case ".explain": return query(after: 1)
    case ".sql":
      let dialects = SQLDialect.allCases.map(\.rawValue)
      let named = dialects.contains(parts[1].lowercased()) ? 1 : 0
      if parts.count == 2 + named {
        result = words((named == 0 ? dialects : []) + ["view"] + sources, partial: partial)
      } else if parts[1 + named].lowercased() == "view" {
        result = paths(partial)
      } else {
        return query(after: 1 + named)
      }
    case ".mode": result = words(RenderSpec.Mode.allCases.map(\.rawValue), partial: partial)
    case ".timer": result = words(["on", "off"], partial: partial)
    case ".fields": result = words(sources, partial: partial)
    case ".values": result = words(columns("claims"), partial: partial)
    case ".help": result = words(DotCommand.all.map(\.name), partial: partial)
    case ".read", ".load", ".save", ".export": result = paths(partial)
    default: return Result(candidates: [], appendSpace: false)
    }
    result.start = text.utf8.count - partial.utf8.count + leading
    return result
  }

  /// The files and folders whose paths start with `partial` (hidden ones only when asked for
  /// with a leading dot); a folder is not followed by a space, so its entries come next.
  func paths(_ partial: String) -> Result {
    let cut = partial.lastIndex(of: "/").map { partial.index(after: $0) } ?? partial.startIndex
    let folder = String(partial[..<cut])
    let name = partial[cut...]
    let matches = entries(folder.isEmpty ? "." : folder)
      .filter { $0.hasPrefix(name) && (name.hasPrefix(".") || !$0.hasPrefix(".")) }
      .map { folder + $0 }
      .sorted()
    return Result(candidates: matches, appendSpace: matches.count == 1 && !matches[0].hasSuffix("/"))
  }

  /// The longest prefix every candidate shares.
  public static func commonPrefix(_ candidates: [String]) -> String {
    guard var prefix = candidates.first else { return "" }
    for c in candidates.dropFirst() {
      while !c.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
