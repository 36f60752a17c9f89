// The claim schema against the names code uses: every `ClaimFieldName` is one field of the
// schema, and each string or list field has its slot, so `ClaimSchema.index(of:)`,
// `ClaimColumns.string(_:)` and `list(_:)` hold for every name of their kind.
@testable import ClaimCorpus
import Testing

@Suite struct ClaimSchemaTests {
  @Test func everyNameIsOneFieldOfTheSchema() {
    #expect(ClaimSchema.fields.map(\.key) == ClaimFieldName.allCases)
    for key in ClaimFieldName.allCases {
      let spec = ClaimSchema.fields[ClaimSchema.index(of: key)]
      #expect(spec.name == key.rawValue)
      #expect((ClaimSchema.stringSlot(key) != nil) == (spec.storage == .string), "\(key)")
      #expect((ClaimSchema.listSlot(key) != nil) == (spec.storage == .list), "\(key)")
    }
  }

  @Test func aMissingFieldNamesAStringField() {
    for spec in ClaimSchema.fields {
      if case .field(let other) = spec.missing { #expect(ClaimSchema.stringSlot(other) != nil, "\(spec.name) takes \(other)") }
    }
  }
}
