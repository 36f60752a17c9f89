import CLibXML2

/// A web page parsed by libxml2's HTML parser, which recovers from broken markup and reads the
/// page's declared charset: the tree, walked through `HTMLNode`s, lives as long as the page.
final class HTMLPage {
  private let document: htmlDocPtr

  /// Parses `bytes`; nil when libxml2 makes no tree of them at all. `url` resolves nothing (no
  /// network is touched) but names the page in libxml2's own state.
  init?(_ bytes: [UInt8], url: String?) {
    let options = Int32(
      HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
        | HTML_PARSE_COMPACT.rawValue)
    let parsed = bytes.withUnsafeBufferPointer { b in
      b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { p in
        htmlReadMemory(p, Int32(clamping: b.count), url, nil, options)
      }
    }
    guard let parsed else { return nil }
    document = parsed
  }

  deinit { xmlFreeDoc(document) }

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
    if isText {
      withText { out.append($0) }
      return
    }
    for child in children { child.appendText(to: &out) }
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
