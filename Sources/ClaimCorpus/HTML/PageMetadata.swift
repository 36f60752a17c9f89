import Foundation

/// What a web page says about itself: title, outlet, date, author and canonical URL, read the
/// way news pages write them (Open Graph and article meta tags, JSON-LD `NewsArticle`,
/// `<link rel="canonical">`, `<time datetime>`, the `<title>`), and a date in the URL when
/// nothing else gives one.
struct PageMetadata: Equatable {
  var title: String?
  var outlet: String?
  var date: Day?
  var author: String?
  var url: String?

  /// The metadata of the page under `root`; `url` is where the page was found (a WARC
  /// record's target), the last resort for the canonical URL and the outlet.
  static func read(_ root: HTMLNode, url given: String? = nil) -> PageMetadata {
    var found = Found()
    root.walk(enter: { found.enter($0) }, leave: { _ in })
    var m = PageMetadata()
    m.url = found.meta["canonical"] ?? found.meta["og:url"] ?? given
    m.title = found.jsonLD.headline ?? found.meta["og:title"] ?? found.meta["twitter:title"] ?? found.title ?? found.heading
    m.outlet = found.meta["og:site_name"] ?? found.jsonLD.publisher ?? m.url.flatMap(host)
    let dates = [
      found.jsonLD.datePublished, found.meta["article:published_time"], found.meta["date"], found.meta["pubdate"],
      found.meta["publishdate"], found.meta["dc.date"], found.meta["dc.date.issued"], found.meta["sailthru.date"], found.time,
    ]
    m.date =
      dates.lazy.compactMap { $0.flatMap { Day(parsing: $0.trimmingCharacters(in: .whitespaces)) } }.first
      ?? m.url.flatMap(dateInURL)
    m.author = found.jsonLD.author ?? found.meta["author"] ?? found.meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }
    for key in [\PageMetadata.title, \.outlet, \.author] {
      if let v = m[keyPath: key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty {
        m[keyPath: key] = v
      } else {
        m[keyPath: key] = nil
      }
    }
    return m
  }

  /// The host of `url`, without `www.`.
  static func host(_ url: String) -> String? {
    guard let scheme = url.range(of: "://") else { return nil }
    let rest = url[scheme.upperBound...]
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    guard !host.isEmpty else { return nil }
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
  }

  /// A date written in a URL's path: `/2019/11/19/` or `/20191119/`.
  static func dateInURL(_ url: String) -> Day? {
    let parts = url.split(separator: "/").map(String.init)
    for (i, part) in parts.enumerated() {
      if part.count == 4, let y = Int(part), (1990...2100).contains(y), i + 2 < parts.count,
        parts[i + 1].count == 2, let m = Int(parts[i + 1]), parts[i + 2].prefix(2).count == 2, let d = Int(parts[i + 2].prefix(2))
      {
        return Day(parsing: String(format: "%04d-%02d-%02d", y, m, d))
      }
      if part.count == 8, let n = Int(part), (19_900_101...21_001_231).contains(n) {
        return Day(parsing: "\(part.prefix(4))-\(part.dropFirst(4).prefix(2))-\(part.suffix(2))")
      }
    }
    return nil
  }

  /// What the walk finds.
  struct Found {
    /// `<meta>` by `property` or `name` (lowercased), and the canonical link; the first of each wins.
    var meta: [String: String] = [:]
    var title: String?
    var heading: String?
    var time: String?
    var jsonLD = JSONLD()

    /// Reads an element's metadata; whether to go into its children.
    mutating func enter(_ node: HTMLNode) -> Bool {
      guard node.isElement else { return false }
      switch node.tag {
      case "meta":
        if let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
          let content = node.attribute("content"), meta[key] == nil
        {
          meta[key] = content
        }
        return false
      case "link":
        if node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href"), meta["canonical"] == nil {
          meta["canonical"] = href
        }
        return false
      case "title":
        if title == nil { title = node.text }
        return false
      case "h1":
        if heading == nil { heading = node.text }
      case "time":
        if time == nil { time = node.attribute("datetime") }
      case "script":
        if node.attribute("type")?.lowercased() == "application/ld+json" { jsonLD.read(node.text) }
        return false
      case "style", "svg", "noscript", "template":
        return false
      default: break
      }
      return true
    }
  }

  /// The article fields of a page's JSON-LD (a `NewsArticle`, `Article`, `BlogPosting`, …,
  /// alone, in a list or in an `@graph`); the first article wins.
  struct JSONLD {
    var headline: String?
    var datePublished: String?
    var publisher: String?
    var author: String?

    mutating func read(_ text: String) {
      guard let value = try? JSONParser.parse(Array(text.utf8)[...]) else { return }
      visit(value)
    }

    mutating func visit(_ value: JSONValue) {
      switch value {
      case .array(let items): items.forEach { visit($0) }
      case .object:
        if case .array(let graph)? = value["@graph"] { graph.forEach { visit($0) } }
        let type = value["@type"].map(Self.types) ?? []
        guard type.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }), datePublished == nil
        else { return }
        headline = value["headline"]?.text
        datePublished = value["datePublished"]?.text
        publisher = value["publisher"].flatMap(Self.name)
        author = value["author"].flatMap(Self.name)
      default: break
      }
    }

    /// A `@type`'s names.
    static func types(_ value: JSONValue) -> [String] {
      if case .array(let items) = value { return items.compactMap(\.text) }
      return value.text.map { [$0] } ?? []
    }

    /// The name of a person or organisation (an object with `name`, a string, or a list's first).
    static func name(_ value: JSONValue) -> String? {
      switch value {
      case .string(let s): return s
      case .array(let items): return items.lazy.compactMap(name).first
      default: return value["name"]?.text
      }
    }
  }
}
