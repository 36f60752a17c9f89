/// A source and cue the rules propose for a sentence, with the features the attribution
/// model scores it by. Candidates of one `group` (one cue in one role) compete: the model
/// keeps the best of them, if it scores above zero.
package struct AttributionCandidate: Sendable {
  /// The attribution it would make.
  package var attribution: Attribution
  /// The cue's lemma (`say`, `according to`).
  package var lemma: String
  /// Candidates that compete for one cue share a group.
  package var group: Int
  /// The construction that proposed it: `subject`, `inverted`, `apposition`, `relative`,
  /// `clause-subject`, `participle`, `agent`, or the rule of `AttributionFinder` that found it.
  package var construction: String
  /// The features the model weighs (`cue=say`, `kind=pronoun`, `dist=1`…).
  package var features: [String]
  /// Whether the source stands for no one the text names (a pronoun with no antecedent):
  /// such a candidate may win its cue, and then cites nobody.
  package var isUnresolved: Bool = false
}

/// The attribution model's choice for a group of candidates: the winner, its score, and the
/// best of the others, for `.claim` to say why it won.
package struct AttributionDecision: Sendable {
  /// The chosen candidate.
  package var winner: AttributionCandidate
  /// The chosen candidate's place among the candidates decided.
  package var index: Int
  /// Its score.
  package var score: Double
  /// The best losing candidate's cited value and score, if any competed.
  package var runnerUp: (cited: String, score: Double)?
}
