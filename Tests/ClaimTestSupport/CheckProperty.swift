// Property checks that fail when their body throws.
import PropertyBased
import Testing

/// PropertyBased's `propertyCheck`, except that an error thrown by `body` fails the check:
/// PropertyBased 2.0.1 on Swift 6.2 and later runs the body under `try?`, so a check whose
/// body throws (a query that fails, a `#require` that does not hold) passed without a word.
public func checkProperty<In, Out>(
  count: Int = 100, input: Generator<Out, some Sequence<In>>, perform body: (Out) async throws -> Void,
  isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
  await propertyCheck(
    count: count, input: input,
    perform: { value in
      do { try await body(value) } catch { Issue.record(error, sourceLocation: sourceLocation) }
    }, isolation: isolation, sourceLocation: sourceLocation)
}

/// `checkProperty` over two generators.
public func checkProperty<InA, InB, OutA, OutB>(
  count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
  perform body: (OutA, OutB) async throws -> Void,
  isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
  await checkProperty(
    count: count, input: zip(g0, g1), perform: { try await body($0.0, $0.1) }, isolation: isolation, sourceLocation: sourceLocation)
}

/// `checkProperty` over three generators.
public func checkProperty<InA, InB, InC, OutA, OutB, OutC>(
  count: Int = 100, input g0: Generator<OutA, some Sequence<InA>>, _ g1: Generator<OutB, some Sequence<InB>>,
  _ g2: Generator<OutC, some Sequence<InC>>, perform body: (OutA, OutB, OutC) async throws -> Void,
  isolation: isolated (any Actor)? = #isolation, sourceLocation: SourceLocation = #_sourceLocation
) async {
  await checkProperty(
    count: count, input: zip(g0, g1, g2), perform: { try await body($0.0, $0.1, $0.2) }, isolation: isolation,
    sourceLocation: sourceLocation)
}
