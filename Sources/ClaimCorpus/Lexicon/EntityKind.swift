/// What a lexicon entry names.
public enum EntityKind: String, Sendable, CaseIterable {
  /// A person: `Zelensky`.
  case person
  /// A government body, company or group: `Pentagon`, `NATO`.
  case organization
  /// A country, city or region: `Ukraine`.
  case place
  /// A news outlet: `Axios`.
  case outlet
  /// A weapon system, when it is not a topic.
  case weapon
  /// A named event.
  case event
  /// A subject claims are about: `Tomahawk`, `sanctions`.
  case topic
  /// A capitalised name the lexicon does not know.
  case unknown
}
