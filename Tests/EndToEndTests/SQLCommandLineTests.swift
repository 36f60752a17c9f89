// `--sql`, `.sql` and `.export FILE.parquet`, run as a user runs them. (That the SQL gives the
// native rows on DuckDB is SQLAgreementTests'.)
import ClaimTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SQLCommandLineTests {
  @Test func sqlPrintsOneStatementOverTheClaimsTable() throws {
    let r = try Fixtures.claimsh(["--sql", "duckdb", "-c", #"claims where actor = "zelenskyy" group by topic"#])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stderr == "")
    #expect(r.stdout.hasPrefix("WITH\n  s0 AS (SELECT *, \"id\" AS __ord FROM claims),"))
    #expect(r.stdout.contains("unnest(list_distinct(\"topic\"))"))
    #expect(r.stdout.contains("THEN 'zelenskyy' ELSE 'zelensky' END"))
    #expect(r.stdout.hasSuffix("SELECT \"topic\", \"count\" FROM s4 ORDER BY __ord;\n"))
  }

  @Test func badSQLCommandLinesExitWithStatusTwo() throws {
    let spark = try Fixtures.claimsh(["--sql", "oracle", "-c", "claims"])
    #expect(spark.status == 2)
    #expect(spark.stderr.contains("--sql takes one of: duckdb, spark; not 'oracle'"))
    let alone = try Fixtures.claimsh(["--sql", "duckdb"])
    #expect(alone.status == 2)
    #expect(alone.stderr.contains("--sql compiles the statement given with -c"))
  }

  @Test func aQueryThatCannotCompileIsADiagnostic() throws {
    let typo = try Fixtures.claimsh(["--sql", "duckdb", "-c", #"claims where actr = "Zelensky""#])
    #expect(typo.status == 1)
    #expect(typo.stdout == "")
    #expect(typo.stderr.contains("error: unknown field 'actr' in claims"))
    #expect(typo.stderr.contains("line 1, column 14"))
    #expect(typo.stderr.contains("did you mean 'actor'?"))
    let docs = try Fixtures.claimsh(["--sql", "duckdb", "-c", "docs count"])
    #expect(docs.status == 1)
    #expect(docs.stderr.contains("SQL is compiled over the exported claims; 'docs' is not exported"))
  }

  @Test func dotSQLExpandsLetNames() throws {
    let r = try Fixtures.claimsh(["--corpus", "seeds"], input: "let z = claims where actor = \"Zelensky\"\n.sql duckdb z count\n")
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("list_transform(\"actor\", lambda x: lower(x)), ['zelensky']"))
    #expect(r.stdout.hasSuffix("SELECT \"count\" FROM s2 ORDER BY __ord;\n"))
  }

  @Test func sqlViewDeclaresTheColumnsOfAJSONLinesExport() throws {
    let r = try Fixtures.claimsh(
      ["--corpus", "seeds"], input: ".sql view claims.jsonl\n.sql spark view claims.parquet\n.sql view claims.csv\n")
    #expect(r.status == 1)
    #expect(r.stdout.contains("read_json('claims.jsonl', format = 'newline_delimited', columns = {'id': 'BIGINT', 'doc': 'VARCHAR'"))
    #expect(r.stdout.contains("'actor': 'VARCHAR[]'"))
    #expect(r.stdout.contains("CREATE OR REPLACE TEMPORARY VIEW claims USING parquet OPTIONS (path 'claims.parquet')"))
    #expect(r.stderr.contains("'.sql view' reads an export named .parquet or .jsonl, not 'claims.csv'"))
  }

  @Test func exportWritesAParquetFile() throws {
    let path = try Fixtures.temporaryFolder().appendingPathComponent("claims.parquet").path
    let r = try Fixtures.claimsh(["--corpus", "seeds", "-c", ".export \(path)"])
    #expect(r.status == 0)
    #expect(r.stderr == "wrote 123 rows to \(path)\n")
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes.prefix(4) == Array("PAR1".utf8)[...])
    #expect(bytes.suffix(4) == Array("PAR1".utf8)[...])
  }
}
