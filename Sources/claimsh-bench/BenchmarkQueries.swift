/// The queries the benchmarks time, in claimsh's language: the six of the peer benchmark
/// (../shared/bench/RESULTS.md), which must return exactly the peers' rows, and a one-row query.
/// `PeerBenchmarkTests` checks the six against the reference.
enum BenchmarkQueries {
  /// Q1…Q6, by name.
  static let peers: [(String, String)] = [
    ("Q1", #"claims where actor = "Zelensky" and topic = "Tomahawk" group by source"#),
    ("Q2", "claims group by topic with count(distinct source) as n order by n desc, topic limit 10"),
    ("Q3", #"claims where text contains "missile" group by hedge"#),
    (
      "Q4",
      #"claims where date >= 2025-10-01 and date <= 2025-10-31 and hedge = "reported" order by date desc, id limit 20 select id, "#
        + #"date, source, text"#
    ),
    ("Q5", "claims group by actor, topic order by count desc, actor, topic limit 20"),
    ("Q6", "claims group by actor, topic with count(distinct source) as n where n >= 5 order by n desc, actor, topic limit 20"),
  ]

  /// The trivial query, for the overhead of one statement.
  static let trivial = "claims limit 1"
}
