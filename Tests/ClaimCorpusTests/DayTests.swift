// Dates as day numbers.
import ClaimCorpus
import Testing

@Suite struct DayTests {
  @Test(arguments: ["1970-01-01", "2025-10-17", "2000-02-29", "1899-12-31", "2400-03-01"])
  func roundTrips(_ text: String) throws {
    #expect(try #require(Day(parsing: text)).description == text)
  }

  @Test func numbersAndOrder() throws {
    #expect(Day(parsing: "1970-01-02")?.number == 1)
    #expect(try #require(Day(parsing: "2025-10-17")) < #require(Day(parsing: "2025-10-18")))
  }

  @Test(arguments: ["2025-02-29", "2025-13-01", "2025-1-1", "yesterday", ""])
  func rejects(_ text: String) {
    #expect(Day(parsing: text) == nil)
  }

  @Test func timestampsAreCutToTheirDate() {
    #expect(Day(parsing: "2025-10-17T08:30:00Z")?.description == "2025-10-17")
  }
}
