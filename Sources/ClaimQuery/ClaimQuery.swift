@_exported import ClaimCorpus
