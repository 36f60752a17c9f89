import ClaimQuery
import Foundation

/// What a dot-command did.
enum DotResult {
  /// It ran.
  case done
  /// It failed; the error is written.
  case failed
  /// `.quit`.
  case quit
}

/// A dot-command line split into words, each with its UTF-8 range in the line.
struct DotLine {
  let text: String
  let words: [(word: String, range: Range<Int>)]

  init(_ text: String) {
    self.text = text
    var words: [(String, Range<Int>)] = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
      guard i < bytes.count else { break }
      let start = i
      var word: [UInt8] = []
      if bytes[i] == 0x22 || bytes[i] == 0x27 {  // a quoted argument: "my file.jsonl"
        let quote = bytes[i]
        i += 1
        while i < bytes.count, bytes[i] != quote { word.append(bytes[i]); i += 1 }
        i = min(i + 1, bytes.count)
      } else {
        while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x09 { word.append(bytes[i]); i += 1 }
      }
      words.append((String(decoding: word, as: UTF8.self), start..<i))
    }
    self.words = words
  }

  /// The text after the command word.
  var rest: String {
    guard words.count > 1 else { return "" }
    return String(decoding: Array(text.utf8)[words[1].range.lowerBound...], as: UTF8.self)
  }
}

extension Session {
  /// An on/off setting: `word` sets it, no word prints it; false for another word.
  func onOff(_ name: String, _ setting: inout Bool, _ word: String?) -> Bool {
    switch word?.lowercased() {
    case nil: out("\(name): \(setting ? "on" : "off")\n")
    case "on": setting = true
    case "off": setting = false
    default: return false
    }
    return true
  }

  /// Runs a dot-command line.
  func dotCommand(_ text: String, file: String?, line number: Int) -> DotResult {
    let line = DotLine(text)
    guard let first = line.words.first else { return .done }
    let name = String(first.word.dropFirst())
    func fail(_ message: String, at k: Int? = nil, suggestion: String? = nil) -> DotResult {
      let range = k.flatMap { line.words.indices.contains($0) ? line.words[$0].range : nil } ?? (text.utf8.count..<text.utf8.count)
      argumentError(message, line: text, range: range, suggestion: suggestion, file: file, number: number)
      return .failed
    }
    guard let command = DotCommand.named(name) else {
      if let pointer = DotCommand.pointers[name.lowercased()] {
        out(pointer + "\n")
        return .done
      }
      let starting = DotCommand.starting(with: name.lowercased())
      if starting.count > 1 {
        return fail("'.\(name)' could be " + starting.map { ".\($0.name)" }.joined(separator: ", "), at: 0)
      }
      let suggestion = Suggestions.nearest(to: name, in: DotCommand.all.map(\.name)).map { "'.\($0)'" }
      return fail("unknown command '.\(name)'; .help lists them", at: 0, suggestion: suggestion)
    }
    let args = Array(line.words.dropFirst())
    let place = QueryPlace(line: text, number: number, file: file)
    // a dot-command that runs a query (.export FILE QUERY) has Ctrl-C and the time limit of
    // its own, as a statement has, not what is left of the last statement's
    cancellation.start(timeLimit: timeout)
    engine.cancellation = cancellation
    if safe && DotCommand.touchingFiles.contains(command.name) {
      return fail("'.\(command.name)' reads or writes files, which --safe refuses", at: 0)
    }
    switch command.name {
    case "quit": return .quit
    case "help": return help(args.first?.word, fail: { fail($0, at: 1, suggestion: $1) })
    case "mode":
      let modes = RenderSpec.Mode.allCases.map(\.rawValue).joined(separator: ", ")
      guard let word = args.first?.word else {
        out("mode: \(spec.mode.rawValue)\n")
        return .done
      }
      guard let mode = RenderSpec.Mode(rawValue: word.lowercased()) else {
        let suggestion = Suggestions.nearest(to: word, in: RenderSpec.Mode.allCases.map(\.rawValue)).map { "'\($0)'" }
        return fail("unknown mode '\(word)'; expected one of \(modes)", at: 1, suggestion: suggestion)
      }
      spec.mode = mode
      return .done
    case "timer":
      return onOff("timer", &timer, args.first?.word) ? .done : fail("expected 'on' or 'off'", at: 1)
    case "print":
      out(line.rest + "\n")
      return .done
    case "maxrows":
      switch args.first?.word.lowercased() {
      case nil: out("maxrows: \(spec.maxRows.map(String.init) ?? "off")\n")
      case "off": spec.maxRows = nil
      case let word?:
        guard let n = Int(word), n > 0 else { return fail("expected a number of rows above 0, or 'off'", at: 1) }
        spec.maxRows = n
      }
      return .done
    case "output":
      guard let path = args.first?.word else {
        redirect = nil
        return .done
      }
      return redirectOutput(to: path, once: false, fail: { fail($0, at: 1) })
    case "once":
      guard let path = args.first?.word else { return fail("expected a file to write the next result to", at: nil) }
      return redirectOutput(to: path, once: true, fail: { fail($0, at: 1) })
    case "bail":
      return onOff("bail", &bail, args.first?.word) ? .done : fail("expected 'on' or 'off'", at: 1)
    case "timeout":
      guard let word = args.first?.word else {
        out(timeout.map { "timeout: \(Self.seconds($0)) s\n" } ?? "timeout: off\n")
        return .done
      }
      if word.lowercased() == "off" || word == "0" {
        timeout = nil
      } else if let seconds = Double(word), seconds > 0, seconds.isFinite {
        timeout = seconds
      } else {
        return fail("expected a number of seconds above 0, or 'off'", at: 1)
      }
      return .done
    case "fields":
      let collection = args.first?.word ?? "claims"
      guard let columns = engine.columns(of: collection) else {
        let suggestion = Suggestions.nearest(to: collection, in: engine.sourceNames).map { "'\($0)'" }
        return fail("unknown collection '\(collection)'", at: 1, suggestion: suggestion)
      }
      let table = Table(
        columns: [Column("field", .string), Column("type", .string), Column("matching", .string)],
        rows: columns.map { [.string($0.name), .string($0.type.rawValue), .string(Self.describe($0.matching))] })
      out(Renderer.render(table, spec))
      return .done
    case "values":
      guard let field = args.first?.word else { return fail("expected a field of claims, e.g. .values hedge", at: nil) }
      let fields = engine.columns(of: "claims")!.map(\.name)
      guard fields.contains(field.lowercased()) else {
        let suggestion = Suggestions.nearest(to: field, in: fields).map { "'\($0)'" }
        return fail("unknown field '\(field)' in claims", at: 1, suggestion: suggestion)
      }
      return execute("claims group by \(field.lowercased())", file: file, firstLine: number) ? .done : .failed
    case "names":
      // the let names, then _ (the last result)
      let named = engine.bindings.keys.sorted().map { ($0, engine.bindings[$0]!) } + (engine.last.map { [("_", $0)] } ?? [])
      let rows = named.map { name, binding -> [Value] in
        switch binding {
        case .claims(let rows): return [.string(name), .string("claims"), .int(rows.count)]
        case .table(let t):
          return [.string(name), .string("table of " + t.columns.map(\.name).joined(separator: ", ")), .int(t.rows.count)]
        }
      }
      out(Renderer.render(Table(columns: [Column("name", .string), Column("holds", .string), Column("rows", .int)], rows: rows), spec))
      return .done
    case "stats":
      out(Renderer.render(stats(), spec))
      return .done
    case "claim": return showClaim(args.first, fail: { fail($0, at: 1) })
    case "doc": return showDocument(args.first, fail: { fail($0, at: 1) })
    case "story": return showStory(args.first, fail: { fail($0, at: 1) })
    case "read":
      guard let path = args.first?.word else { return fail("expected a file to read", at: nil) }
      return read(path, fail: { fail($0, at: 1) })
    case "load":
      guard !args.isEmpty else { return fail("expected files or folders to load", at: nil) }
      return load(args.map(\.word))
    case "save":
      guard let path = args.first?.word else { return fail("expected a file to write, e.g. corpus.claimsh", at: nil) }
      return save(to: path, fail: { fail($0, at: 1) })
    case "export":
      guard let path = args.first?.word else { return fail("expected a file: NAME.jsonl, NAME.csv, NAME.json or NAME.parquet", at: nil) }
      return export(to: path, query: line.words.count > 2 ? DotLine(line.rest).rest : nil, at: place, fail: { fail($0, at: 1) })
    case "explain":
      guard !line.rest.trimmingCharacters(in: .whitespaces).isEmpty else {
        return fail("expected a query, e.g. .explain claims where topic = \"Tomahawk\" group by source", at: nil)
      }
      return explain(line.rest, at: place) ? .done : .failed
    case "sql":
      var query = line.rest
      var dialect = SQLDialect.duckdb
      if let word = args.first?.word.lowercased(), let named = SQLDialect(rawValue: word) {
        dialect = named
        query = DotLine(query).rest
      }
      guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
        return fail("expected a query, e.g. .sql duckdb claims group by source", at: nil)
      }
      // `.sql [dialect] view FILE`: the claims view over an export
      let words = DotLine(query).words
      if words.count == 2, words[0].word.lowercased() == "view" {
        let path = Paths.expandingTilde(words[1].word)
        guard let format = SQLCompiler.ExportFormat(rawValue: (path as NSString).pathExtension.lowercased()) else {
          return fail("'.sql view' reads an export named .parquet or .jsonl, not '\(words[1].word)'", at: args.count)
        }
        out(SQLCompiler(dialect: dialect, lexicon: lexicon).view(over: path, format: format))
        return .done
      }
      return sql(query, dialect: dialect, at: place) ? .done : .failed
    default:
      return fail("'.\(name)' is not available here", at: 0)
    }
  }

  func help(_ topic: String?, fail: (String, String?) -> DotResult) -> DotResult {
    if let topic {
      let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
      guard let command = DotCommand.named(name) else {
        return fail("no command '.\(name)'", Suggestions.nearest(to: name, in: DotCommand.all.map(\.name)).map { "'.\($0)'" })
      }
      out(".\(command.name) \(command.arguments)\n" + Self.wrap(command.summary, width: spec.width ?? Int.max, indent: 4))
      return .done
    }
    let width = spec.width ?? Int.max
    var text = Self.wrap(
      "Statements: a collection (claims, docs, entities, topics, stories, citations), a let name, _ (the last result) or claim sets "
        + "combined (a and b, a or b, a minus b), and stages:",
      width: width)
    text += Self.wrap("claims where actor = \"Zelensky\" and topic = \"Tomahawk\" group by source", width: width, indent: 2)
    text += Self.wrap(
      "where, group by … with count(distinct f) as n, select, order by … desc, limit, count, distinct", width: width, indent: 2)
    text += Self.wrap("End a statement with ; or a newline; Tab completes; Ctrl-C cancels; Ctrl-D leaves.", width: width) + "\n"
    let column = (DotCommand.all.map { $0.name.count + $0.arguments.count + 2 }.max() ?? 20) + 2
    for c in DotCommand.all {
      let head = ".\(c.name) \(c.arguments)"
      // the summary wraps under itself; on a narrow terminal, under the command
      let hanging = width - column >= 30 ? column : 4
      text += hanging < column ? head + "\n" : head + String(repeating: " ", count: column - head.count)
      text += String(Self.wrap(c.summary, width: width, indent: hanging).dropFirst(hanging < column ? 0 : hanging))
    }
    out(text)
    return .done
  }

  /// `text` broken at spaces into lines of at most `width` columns, each after `indent` spaces,
  /// every line ending in a newline. A word longer than a line stands on a line of its own.
  static func wrap(_ text: String, width: Int, indent: Int = 0) -> String {
    let pad = String(repeating: " ", count: indent)
    var result = ""
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty, indent + DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > width {
        result += pad + line + "\n"
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    return result + pad + line + "\n"
  }

  func stats() -> Table {
    let c = engine.corpus
    let rows: [[Value]] = [
      [.string("documents"), .int(c.documents.count)],
      [.string("sentences"), .int(c.documents.reduce(0) { $0 + $1.sentences.count })],
      [.string("debris spans"), .int(c.documents.reduce(0) { $0 + $1.debris.count })],
      [.string("claims"), .int(c.claimCount)],
      [.string("entities"), .int(c.columns.list(.actor).values.count)],
      [.string("topics"), .int(c.columns.list(.topic).values.count)],
      [.string("lexicon entries"), .int(c.lexicon.entries.count)],
      [.string("load warnings"), .int(c.warnings.count)],
      [.string("let names"), .int(engine.bindings.count)],
    ]
    return Table(columns: [Column("what", .string), Column("count", .int)], rows: rows)
  }
}

extension Session {
  /// Seconds as typed: `2`, `0.5`.
  static func seconds(_ value: Double) -> String {
    value < 1e9 ? Cancellation.seconds(nanoseconds: Int((value * 1e9).rounded())) : value < 1e15 ? String(Int(value)) : String(value)
  }

  /// How `.fields` describes a column's matching.
  static func describe(_ matching: Matching) -> String {
    switch matching {
    case .exact: return "exact"
    case .caseless: return "any case"
    case .name: return "any case, aliases"
    }
  }
}
