/// What tags, roles, classes and ids say about a page's blocks: what is never text, what is
/// never body (and why), what makes a block, and the words that weigh an element for or
/// against being the body (readability's `unlikelyCandidates` and `positive` lists, read as
/// whole words of a class or id).
enum HTMLVocabulary {
  /// Elements whose content is never text a reader sees.
  static let silent: Set<String> = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "head", "link", "meta", "button",
    "select", "option", "textarea", "input", "video", "audio", "picture", "source", "img", "map",
  ]

  /// Elements that are never body, with the rule their text is dropped by.
  static let neverBody: [String: String] = [
    "nav": "html-nav", "footer": "html-footer", "header": "html-header", "aside": "html-aside", "figure": "html-figure",
    "figcaption": "html-figure", "form": "html-form", "menu": "html-nav", "dialog": "html-dialog",
  ]

  /// Roles that are never body.
  static let neverBodyRoles: [String: String] = [
    "navigation": "html-nav", "banner": "html-header", "contentinfo": "html-footer", "complementary": "html-aside",
    "search": "html-form", "dialog": "html-dialog", "alert": "html-dialog", "menu": "html-nav", "menubar": "html-nav",
    "toolbar": "html-share",
  ]

  /// Words of a class or id that mark debris, with the rule.
  static let debrisWords: [String: String] = [
    "share": "html-share", "sharing": "html-share", "social": "html-share", "sharebar": "html-share", "toolbar": "html-share",
    "related": "html-related", "recommended": "html-related", "recirc": "html-related", "recirculation": "html-related",
    "trending": "html-related", "popular": "html-related", "mostread": "html-related", "outbrain": "html-related",
    "taboola": "html-related", "newsletter": "html-newsletter", "subscribe": "html-newsletter", "subscription": "html-newsletter",
    "signup": "html-newsletter", "comment": "html-comments", "comments": "html-comments", "disqus": "html-comments",
    "promo": "html-promo", "advert": "html-promo", "advertisement": "html-promo", "ad": "html-promo", "ads": "html-promo",
    "sponsor": "html-promo", "sponsored": "html-promo", "paywall": "html-promo", "sidebar": "html-aside", "rail": "html-aside",
    "footer": "html-footer", "nav": "html-nav", "navbar": "html-nav", "navigation": "html-nav", "menu": "html-nav",
    "breadcrumb": "html-nav", "breadcrumbs": "html-nav", "cookie": "html-dialog", "cookies": "html-dialog", "popup": "html-dialog",
    "modal": "html-dialog", "byline": "html-byline", "author": "html-byline", "dateline": "html-byline", "timestamp": "html-byline",
    "caption": "html-figure", "credit": "html-figure", "credits": "html-figure", "tags": "html-tags", "tag": "html-tags",
    "masthead": "html-header", "header": "html-header", "disclaimer": "html-footer", "copyright": "html-footer",
    "widget": "html-aside", "banner": "html-promo", "hidden": "html-hidden", "skip": "html-nav", "login": "html-dialog",
  ]

  /// Words of a class or id that mark the body.
  static let bodyWords: Set<String> = [
    "article", "body", "content", "entry", "main", "post", "story", "text", "prose", "blog", "articlebody", "storybody",
  ]

  /// Elements that end the block before them and start one (text directly in them is a paragraph).
  static let containers: Set<String> = [
    "div", "section", "article", "main", "body", "html", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "center", "hr",
    "address", "details", "summary", "fieldset",
  ]

  /// The kind of block a tag makes, or nil when it is not a block of its own.
  static func blockKind(_ tag: String) -> ArticleBody.Kind? {
    switch tag {
    case "p": return .paragraph
    case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
    case "li", "dt", "dd": return .listItem
    case "blockquote": return .quotation
    case "pre": return .preformatted
    case "tr": return .tableRow
    default: return nil
    }
  }

  /// Why an element (with tag `tag`) is never body by its tag, role or attributes
  /// (`dropped`), or by the words of its class or id (`named`), and its class weight.
  static func judge(_ node: HTMLNode, tag: String) -> (dropped: String?, named: String?, weight: Double) {
    if let reason = neverBody[tag] { return (reason, nil, 0) }
    if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return ("html-hidden", nil, 0) }
    if let style = node.attribute("style"), style.replacingOccurrences(of: " ", with: "").lowercased().contains("display:none") {
      return ("html-hidden", nil, 0)
    }
    if let role = node.attribute("role")?.lowercased(), let reason = neverBodyRoles[role] { return (reason, nil, 0) }
    let names = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
    guard !names.isEmpty else { return (nil, nil, 0) }
    var debris: String? = nil
    var body = false
    for name in names {
      for word in words(name) {
        if bodyWords.contains(word) { body = true } else if debris == nil, let reason = debrisWords[word] { debris = reason }
      }
    }
    let weight = (body ? 25.0 : 0) - (debris != nil ? 25 : 0)
    // the page's own frame and an element named for the body are never dropped by a word
    if body || tag == "body" || tag == "article" || tag == "main" { return (nil, nil, weight) }
    return (nil, debris, weight)
  }

  /// The lowercased words of a class or id: split at anything not a letter or digit, and at
  /// a capital after a lowercase letter ("shareBar": share, bar).
  static func words(_ name: String) -> [String] {
    var out: [String] = []
    var word = String.UnicodeScalarView()
    var previousLower = false
    func end() {
      if !word.isEmpty { out.append(String(word).lowercased()) }
      word = String.UnicodeScalarView()
    }
    for c in name.unicodeScalars {
      guard c.properties.isAlphabetic || ("0"..."9").contains(c) else {
        end()
        previousLower = false
        continue
      }
      if c.properties.isUppercase, previousLower { end() }
      word.append(c)
      previousLower = c.properties.isLowercase
    }
    end()
    return out
  }
}
