/// A calendar date, stored as the number of days since 1970-01-01.
///
///     Day(parsing: "2025-10-17")?.description   // "2025-10-17"
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before).
  public var number: Int32

  /// Creates a day from its number of days since 1970-01-01.
  public init(number: Int32) { self.number = number }

  /// Creates a day from a proleptic Gregorian year, month and day, or nil when out of range.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    number = Int32(era * 146097 + doe - 719468)
  }

  /// Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date), or returns nil.
  public init?(parsing text: some StringProtocol) {
    self.init(utf8: text.utf8)
  }

  /// Parses `YYYY-MM-DD` from UTF-8 bytes (a longer timestamp is cut to its date), or returns nil.
  public init?(utf8: some Collection<UInt8>) {
    let bytes = Array(utf8.prefix(10))
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for i in range {
        guard (48...57).contains(bytes[i]) else { return nil }
        value = value * 10 + Int(bytes[i] - 48)
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// The year, month and day of this date.
  public var civil: (year: Int, month: Int, day: Int) {
    let z = Int(number) + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = civil
    func pad(_ v: Int, _ width: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.number < rhs.number }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
