/// The article body of a web page, found the way readability and trafilatura find it: what is
/// never body is set aside first (scripts, navigation, headers and footers, asides, forms,
/// figures and captions, and blocks whose tag, role, class or id say share, related,
/// newsletter, comments, …); the page's text is cut into blocks (paragraphs, in-body headings,
/// list items, quotations, table rows); each paragraph of some length scores its ancestors
/// (more for commas and length, less the further up); the best-scoring element, weighed by its
/// link density and by `itemprop="articleBody"`, `<article>` and `<main>`, is the body, with
/// the siblings that score nearly as well. Every block outside it is kept as dropped, with why.
struct ArticleBody {
  /// One block of the page's text, in page order.
  struct Block: Equatable {
    /// Its text, whitespace folded.
    var text: String
    /// What kind of block it is.
    var kind: Kind
    /// Why it is not body (`html-nav`, `html-related`, `html-outside`, …); nil for body.
    var dropped: String?
  }

  /// What a block is, for writing it out.
  enum Kind: Equatable {
    case paragraph, heading, listItem, quotation, preformatted, tableRow
  }

  /// The blocks of the page under `root`, the body's and the dropped ones, in page order.
  static func blocks(_ root: HTMLNode) -> [Block] {
    var walk = Walk()
    walk.read(root)
    return walk.choose()
  }

  /// One element seen on the way, with what the scoring needs.
  struct Element {
    var parent: Int
    var tag: String
    /// Why everything under it is dropped, when its tag, role or attributes say so.
    var dropped: String?
    /// Why everything under it is dropped when its class or id words say so: only when it
    /// holds less than half the page's text (a word can name the frame of the whole page:
    /// "pg-right-rail-tall pg-wrapper").
    var named: String?
    /// Readability's class weight: +25 for a body word in its class or id, -25 for a debris word.
    var weight: Double
    /// `itemprop="articleBody"`, `<article>` or `<main>`.
    var marksBody: Bool
    var score: Double = 0
    var textLength = 0
    var linkLength = 0
  }

  /// A block as the walk cuts it: its element (the innermost block element it is in).
  struct RawBlock {
    var element: Int
    var text: String
    var linkLength: Int
    var kind: Kind
    var dropped: String?
  }

  /// The walk over the tree: elements, blocks, the text of the block being read.
  struct Walk {
    var elements: [Element] = []
    var blocks: [RawBlock] = []
    var current = TextBuilder()
    var currentLinks = 0
    /// The block element the current text belongs to, its kind, and why it is dropped.
    var owner = -1
    var ownerKind = Kind.paragraph
    var ownerDropped: String? = nil
    var inLink = 0

    /// What `leave` undoes of an element `enter` went into.
    struct Frame {
      var id: Int
      var isBlock: Bool
      var isLink: Bool
      var saved: (owner: Int, kind: Kind, dropped: String?)
    }

    var frames: [Frame] = []

    /// Reads the page under `root` into elements and blocks.
    mutating func read(_ root: HTMLNode) {
      root.walk(enter: { enter($0) }, leave: { _ in leave() })
      flush()
    }

    /// Reads a text node, or opens an element; whether to go into its children.
    mutating func enter(_ node: HTMLNode) -> Bool {
      if node.isText {
        let before = current.bytes.count
        node.withText { current.append($0) }
        if inLink > 0 { currentLinks += current.bytes.count - before }
        return false
      }
      guard node.isElement else { return false }
      let tag = node.tag
      if HTMLVocabulary.silent.contains(tag) { return false }
      if tag == "br" {
        current.separate()
        return false
      }
      let parent = frames.last?.id ?? -1
      let inherited = parent >= 0 ? elements[parent].dropped : nil
      let judged = HTMLVocabulary.judge(node, tag: tag)
      let id = elements.count
      let marks = tag == "article" || tag == "main" || node.attribute("itemprop") == "articleBody"
      elements.append(
        Element(
          parent: parent, tag: tag, dropped: inherited ?? judged.dropped, named: judged.named, weight: judged.weight, marksBody: marks))
      let kind = HTMLVocabulary.blockKind(tag)
      // an element dropped on its own (a figure, a share link in a paragraph) is a block too,
      // so that its text is dropped with it and not with the block around it
      let isBlock =
        kind != nil || HTMLVocabulary.containers.contains(tag) || (judged.dropped != nil && inherited == nil) || judged.named != nil
      frames.append(Frame(id: id, isBlock: isBlock, isLink: tag == "a", saved: (owner, ownerKind, ownerDropped)))
      if isBlock {
        flush()
        owner = id
        ownerKind = kind ?? .paragraph
        ownerDropped = elements[id].dropped
      }
      if tag == "a" { inLink += 1 }
      if tag == "td" || tag == "th" || tag == "dd" || tag == "dt" { current.separate() }
      return true
    }

    /// Closes the element last opened.
    mutating func leave() {
      guard let frame = frames.popLast() else { return }
      if frame.isLink { inLink -= 1 }
      if frame.isBlock {
        flush()
        (owner, ownerKind, ownerDropped) = frame.saved
      }
    }

    /// Ends the current block.
    mutating func flush() {
      guard !current.isEmpty else { return }
      let links = currentLinks
      let text = current.finish()
      currentLinks = 0
      blocks.append(RawBlock(element: owner, text: text, linkLength: links, kind: ownerKind, dropped: ownerDropped))
    }

    /// Drops what class and id words name, where the element holds less than half the text.
    mutating func applyNames() {
      var total = [Int](repeating: 0, count: elements.count)
      for b in blocks where b.dropped == nil && b.element >= 0 {
        var e = b.element
        while e >= 0 {
          total[e] += b.text.utf8.count
          e = elements[e].parent
        }
      }
      let page = total.max() ?? 0
      for i in elements.indices where elements[i].named != nil && total[i] * 2 >= page { elements[i].named = nil }
      for k in blocks.indices where blocks[k].dropped == nil {
        var e = blocks[k].element
        while e >= 0 {
          if let reason = elements[e].named {
            blocks[k].dropped = reason
            break
          }
          e = elements[e].parent
        }
      }
      for i in elements.indices where elements[i].dropped == nil {
        var e = i
        while e >= 0 {
          if let reason = elements[e].named {
            elements[i].dropped = reason
            break
          }
          e = elements[e].parent
        }
      }
    }

    /// Scores the elements and keeps the body's blocks.
    mutating func choose() -> [Block] {
      applyNames()
      // text and link lengths of every element, from the blocks that are not dropped
      for b in blocks where b.dropped == nil && b.element >= 0 {
        var e = b.element
        while e >= 0 {
          elements[e].textLength += b.text.utf8.count
          elements[e].linkLength += b.linkLength
          e = elements[e].parent
        }
      }
      // each paragraph scores its ancestors (readability): 1, a point per comma, one per 100
      // characters up to 3; the parent all of it, the grandparent half, then a third per level
      for b in blocks where b.dropped == nil && b.element >= 0 && b.kind == .paragraph {
        let length = b.text.utf8.count
        guard length >= 25, b.linkLength * 2 < length else { continue }
        let commas = b.text.utf8.reduce(0) { $1 == UInt8(ascii: ",") ? $0 + 1 : $0 }
        let score = 1 + Double(commas) + Double(min(length / 100, 3))
        var e = elements[b.element].parent
        var level = 0
        while e >= 0, level < 5 {
          elements[e].score += level == 0 ? score : level == 1 ? score / 2 : score / Double(level * 3)
          e = elements[e].parent
          level += 1
        }
        // the paragraph's own element (a div holding text directly) scores too
        if HTMLVocabulary.containers.contains(elements[b.element].tag) { elements[b.element].score += score }
      }
      var best = -1
      var bestScore = 0.0
      for (i, e) in elements.enumerated() where e.dropped == nil && e.textLength > 0 {
        let density = Double(e.linkLength) / Double(e.textLength)
        var s = (e.score + e.weight) * (1 - density)
        if e.marksBody { s *= 1.5 }
        if s > bestScore {
          bestScore = s
          best = i
        }
      }
      guard best >= 0 else { return blocks.map { Block(text: $0.text, kind: $0.kind, dropped: $0.dropped ?? "html-outside") } }
      // siblings that score nearly as well join the body
      var chosen: Set<Int> = [best]
      let parent = elements[best].parent
      if parent >= 0 {
        let threshold = max(10, bestScore * 0.2)
        for (i, e) in elements.enumerated() where i != best && e.parent == parent && e.dropped == nil && e.textLength > 0 {
          let density = Double(e.linkLength) / Double(e.textLength)
          if (e.score + e.weight) * (1 - density) >= threshold { chosen.insert(i) }
        }
      }
      func inBody(_ element: Int) -> Bool {
        var e = element
        while e >= 0 {
          if chosen.contains(e) { return true }
          e = elements[e].parent
        }
        return false
      }
      return blocks.map { b in
        if let reason = b.dropped { return Block(text: b.text, kind: b.kind, dropped: reason) }
        // the headline is the page's title, not its body
        if b.element >= 0, elements[b.element].tag == "h1" { return Block(text: b.text, kind: b.kind, dropped: "html-headline") }
        guard b.element >= 0, inBody(b.element) else { return Block(text: b.text, kind: b.kind, dropped: "html-outside") }
        // a short block that is mostly links is navigation inside the body (tags, "read more")
        let length = b.text.utf8.count
        if b.linkLength * 2 > length, length < 200 { return Block(text: b.text, kind: b.kind, dropped: "html-links") }
        return Block(text: b.text, kind: b.kind, dropped: nil)
      }
    }
  }
}
