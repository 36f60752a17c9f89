import CLibXML2

/// A web page parsed by libxml2's HTML parser, which recovers from broken markup and reads the
/// page's declared charset: the tree, walked through `HTMLNode`s, lives as long as the page.
final class HTMLPage {
  private let document: htmlDocPtr
  /// What libxml2 could not read of the page, when that loses text: elements nested deeper
  /// than it goes (it stops there).
  let problem: String?

  /// Parses `bytes`; nil when libxml2 makes no tree of them at all. `url` resolves nothing (no
  /// network is touched) but names the page in libxml2's own state.
  init?(_ bytes: [UInt8], url: String?) {
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_COMPACT.rawValue)
    guard let context = htmlNewParserCtxt() else { return nil }
    defer { htmlFreeParserCtxt(context) }
    let parsed = bytes.withUnsafeBufferPointer { b in
      b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
        htmlCtxtReadMemory(context, p, Int32(clamping: b.count), url, Self.encoding(of: bytes), options)
      }
    }
    guard let parsed else { return nil }
    document = parsed
    if let message = context.pointee.lastError.message, String(cString: message).contains("Excessive depth") {
      problem = "elements nested deeper than libxml2 reads (256 levels): the text from there on is left out"
    } else {
      problem = nil
    }
  }

  deinit { xmlFreeDoc(document) }

  /// The encoding libxml2 is to read `bytes` in: UTF-8 when they are UTF-8 whatever the page
  /// declares (a page saved as UTF-8 often keeps its old declaration); Windows-1252 when they
  /// are not and the page declares UTF-8 or nothing (the usual mistake); else nil, for
  /// libxml2 to follow a byte-order mark or the page's own declaration.
  static func encoding(of bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
    if String(validating: bytes, as: UTF8.self) != nil { return "UTF-8" }
    let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
    guard let at = head.range(of: "charset=") else { return "windows-1252" }
    let declared = head[at.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }.prefix {
      $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_"
    }
    return declared.isEmpty || declared == "utf-8" || declared == "utf8" ? "windows-1252" : nil
  }

  /// The root element (`<html>`), when the page has one.
  var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}

/// A node of an `HTMLPage`'s tree (valid while the page lives).
struct HTMLNode {
  let pointer: xmlNodePtr

  /// Whether it is an element (else text, a comment, …).
  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  /// Whether it is text (or CDATA).
  var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

  /// The element's tag, lowercased as libxml2 gives it ("p", "div"); "" for other nodes.
  var tag: String {
    guard isElement, let name = pointer.pointee.name else { return "" }
    return String(cString: name)
  }

  /// The first child.
  var firstChild: HTMLNode? { pointer.pointee.children.map(HTMLNode.init) }
  /// The next sibling.
  var next: HTMLNode? { pointer.pointee.next.map(HTMLNode.init) }
  /// The parent element.
  var parent: HTMLNode? {
    guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
    return HTMLNode(pointer: p)
  }

  /// The children, in order.
  var children: some Sequence<HTMLNode> { sequence(first: firstChild) { $0?.next }.lazy.compactMap { $0 } }

  /// A text node's text, as UTF-8 bytes (libxml2 has turned the page's charset into UTF-8).
  func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard let content = pointer.pointee.content else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
  }

  /// The value of attribute `name` (lowercase), when the element has it.
  func attribute(_ name: String) -> String? {
    var a = pointer.pointee.properties
    while let attr = a {
      if let n = attr.pointee.name, strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self), name) == 0 {
        guard let value = attr.pointee.children, let content = value.pointee.content else { return "" }
        return String(cString: content)
      }
      a = attr.pointee.next
    }
    return nil
  }

  /// The text of the node and everything under it, whitespace folded to single spaces.
  var text: String {
    var out = TextBuilder()
    appendText(to: &out)
    return out.finish()
  }

  /// Appends the text under the node to `out`.
  func appendText(to out: inout TextBuilder) {
    walk(
      enter: { node in
        if node.isText { node.withText { out.append($0) } }
        return node.isElement
      }, leave: { _ in })
  }

  /// Visits the node and everything under it in document order, without recursion (a page may
  /// nest elements 100,000 deep): `enter` is called on each node and says whether to go into
  /// its children; `leave` is called on each node entered so, after its children.
  func walk(enter: (HTMLNode) -> Bool, leave: (HTMLNode) -> Void) {
    let root = pointer
    guard enter(self) else { return }
    // `node` has been entered and is to be gone into
    var node = root
    while true {
      if let child = node.pointee.children {
        node = child
        if enter(HTMLNode(pointer: child)) { continue }
      } else {
        leave(HTMLNode(pointer: node))
        if node == root { return }
      }
      // `node` is done: on to its next sibling, or up to its parent, which is then done
      while true {
        if let next = node.pointee.next {
          node = next
          if enter(HTMLNode(pointer: next)) { break }
          continue
        }
        guard let up = node.pointee.parent else { return }
        node = up
        leave(HTMLNode(pointer: up))
        if up == root { return }
      }
    }
  }
}

/// Text gathered from many text nodes: runs of whitespace become one space, none at the ends.
struct TextBuilder {
  private(set) var bytes: [UInt8] = []
  private var pendingSpace = false

  /// Whether nothing but whitespace was appended.
  var isEmpty: Bool { bytes.isEmpty }

  /// Appends UTF-8 text.
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    var i = 0
    while i < text.count {
      let b = text[i]
      i += 1
      // a no-break space (U+00A0) is a space here too
      if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || (b == 0xC2 && i < text.count && text[i] == 0xA0) {
        if b == 0xC2 { i += 1 }
        pendingSpace = !bytes.isEmpty
      } else {
        if pendingSpace {
          bytes.append(0x20)
          pendingSpace = false
        }
        bytes.append(b)
      }
    }
  }

  /// Appends a space unless the text ends in one (between inline blocks such as table cells).
  mutating func separate() { pendingSpace = !bytes.isEmpty }

  /// The text, and the builder emptied.
  mutating func finish() -> String {
    defer {
      bytes.removeAll(keepingCapacity: true)
      pendingSpace = false
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
