import ClaimCorpus

extension Table {
  /// `claims` as the `claims` collection shows them: the stored fields, as `ClaimStore` gives
  /// their values (a missing string is null, a date a date). Streamed extraction writes these.
  public init(claims: [Claim]) {
    let fields = ClaimField.stored
    self.init(
      columns: fields.map(\.column),
      rows: claims.map { claim in
        fields.map { field -> Value in
          let spec = ClaimSchema.fields[field.index]
          switch field.storage {
          case .id: return .int(claim.id)
          case .date: return claim.date.map(Value.date) ?? .null
          case .text: return .string(claim.text)
          case .list: return .list(spec.list(claim).map(Value.string))
          case .string: return spec.string(claim).map(Value.string) ?? .null
          case .story: return .null
          }
        }
      })
  }
}
