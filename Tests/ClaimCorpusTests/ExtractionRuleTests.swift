// One rule at a time: hedges by precedence, speakers through pronouns, cited sources, debris.
//
// Groups: hedge; speaker and cited; debris.
@testable import ClaimCorpus
import Testing

@Suite struct ExtractionRuleTests {
  static let extractor = ClaimExtractor(lexicon: CorpusLoader.defaultLexicon().lexicon)

  func claims(_ text: String) -> [Claim] {
    Self.extractor.extract(Document(id: "t", path: "t", text: text)).1
  }

  // MARK: hedge

  @Test(
    arguments: [
      ("The Kremlin denied that the meeting took place.", "denied", "denied"),
      ("Trump explicitly denied this request.", "asserted", nil),
      ("Trump reportedly refused the request.", "hedged", "reportedly"),
      ("Putin is said to have agreed.", "hedged", "is said to"),
      ("Lavrov told NBC News that no meeting is scheduled.", "reported", "told"),
      ("Sanctions should be tightened.", "opinion", "should"),
      ("The meeting lasted two hours.", "asserted", nil),
      ("Tomahawks are weapons that could be used to strike Moscow.", "asserted", nil),
      ("Others fear it could embolden Putin.", "hedged", "could"),
      ("Putin's apparent refusal led to sanctions.", "hedged", "apparent"),
      ("It became apparent that the talks had failed.", "asserted", nil),
    ] as [(String, String, String?)])
  func hedge(_ text: String, _ hedge: String, _ cue: String?) {
    let c = claims(text)
    #expect(c.first?.hedge == hedge)
    #expect(c.first?.cue == cue)
  }

  // MARK: speaker and cited

  @Test func pronounsResolveToThePersonSpokenOf() {
    let c = claims("Zelenskyy spoke to Axios on Sunday.\n“We need long-range missiles,” he said.")
    let quote = c.first { $0.quote != nil }
    #expect(quote?.speaker == "Zelensky")
    #expect(quote?.quote == "We need long-range missiles")
    #expect(quote?.kind == "quote")
    #expect(quote?.evidence.contains { $0.field == "speaker" && $0.rule == "speaker.after-quote" } == true)
  }

  @Test func aQuoteStandingAloneTakesThePreviousSpeaker() {
    let c = claims(
      "‘The longer we keep giving you weapons, the more dependent you’ll be,’ Trump said. ‘We need you to build your own "
        + "capacity.’")
    #expect(c.map(\.speaker) == ["Trump", "Trump"])
    #expect(c[1].hedge == "reported")
  }

  @Test func citedSources() {
    #expect(claims("According to the Wall Street Journal, Hegseth has the final say.").first?.cited == ["the Wall Street Journal"])
    #expect(claims("“Nobody shouted,” a source told Axios.").first?.cited == ["a source", "Axios"])
    #expect(claims("Sources close to the administration confirmed the decision.").first?.cited == ["Sources close to the administration"])
  }

  /// A name the lexicon lacks becomes a person when the text shows one, known by the surname
  /// from then on: alone, opening a sentence, or behind "he".
  @Test func peopleTheLexiconLacksAreFoundAndFollowed() {
    let c = claims(
      """
      UN High Commissioner for Human Rights Volker Turk painted a grim picture.
      “We can only expect worse to come,” Turk said.
      “Repeated drone strikes have disrupted power,” he said.
      Turk also highlighted testimonies from survivors.
      """)
    #expect(c[0].actors.contains("Turk"))
    #expect(c[1].speaker == "Turk")
    #expect(c[1].cited == ["Turk"])
    #expect(c[2].speaker == "Turk")
    #expect(c[3].actors.contains("Turk"))
    #expect(c[1].evidence.contains { $0.field == "actor" && $0.rule == "actor.discourse.name" })
  }

  @Test func anAcronymInBracketsNamesTheOrganisation() {
    let c = claims("Fighters of the Rapid Support Forces (RSF) attacked the city.\nThe RSF denied it.")
    #expect(c[0].actors.contains("RSF"))
    #expect(c[1].actors.contains("RSF"))
  }

  @Test(
    arguments: [
      (
        "Kremlin spokesman Dmitry Peskov tempered hopes, telling reporters to expect little.", ["Kremlin spokesman Dmitry Peskov"],
        "reported"
      ),
      ("The White House has not commented on the meeting.", [], "asserted"),
      ("Ukraine and Russia concluded a second round of talks in Abu Dhabi.", [], "asserted"),
      ("“It is a bigger problem,” the researchers concluded.", ["the researchers"], "reported"),
    ] as [(String, [String], String)])
  func attributionNeedsASpeechEventWithContent(_ text: String, _ cited: [String], _ hedge: String) {
    let c = claims(text)
    #expect(c.first?.cited == cited)
    #expect(c.first?.hedge == hedge)
  }

  /// "talks" is about the peace talks in an article about them, and about nothing in one that is not.
  @Test func contextCuesCountOnlyInADocumentAboutTheirTopic() {
    let about = claims("The peace deal is near.\nThe negotiations went on all night.\nThe talks were tense.")
    #expect(about[2].topics == ["peace talks"])
    #expect(about[2].evidence.contains { $0.field == "topic" && $0.rule == "topic.context" })
    let other = claims("The race meeting was cancelled.\nThe talks were tense.")
    #expect(other.allSatisfy { $0.topics.isEmpty })
  }

  @Test func aDefinitePhraseCarriesTheTopicNamedBefore() {
    let c = claims(
      "Trump met Putin at the Alaska summit.\n\nAfter the summit, Putin said little.\n\nThe U.S. defense department was silent.")
    #expect(c[1].topics.contains("Alaska summit"))
    #expect(c[1].evidence.contains { $0.field == "topic" && $0.value == "Alaska summit" && $0.rule == "topic.anaphora" })
    #expect(!c[2].topics.contains("air defense"))
    let missiles = claims("Zelensky wants Tomahawk missiles. He would not use the missiles at once.")
    #expect(missiles.last?.topics.first == "Tomahawk")
  }

  @Test func theOwnerOfASourceIsAnActor() {
    let c = claims("Zelensky's administration has long argued that it needs long-range missiles.")
    #expect(c.first?.actors.contains("Zelensky") == true)
    #expect(claims("Sources close to the White House said the talks failed.").first?.actors.contains("White House") == false)
  }

  @Test func theOwnerOfAnAssertionIsCited() {
    #expect(claims("Trump met Zelensky. The talks were marked by his repeated assertion that peace is near.").last?.cited == ["Trump"])
  }

  @Test func theAgentOfAJudgementIsCited() {
    #expect(
      claims("Long-range weapons are widely considered a \"red line\" by Washington officials.").first?.cited == ["Washington officials"])
    #expect(claims("The move was criticised by some analysts.").first?.cited == ["some analysts"])
    #expect(claims("The plan is regarded by US officials as a way out.").first?.cited == ["US officials"])
    #expect(claims("Revenues were seen squeezed by a slump in the value of the dollar.").first?.cited == [])
    #expect(claims("Organisers were considered to be playing it safe by booking Sir Paul.").first?.cited == [])
  }

  @Test func scareQuotesHaveNoSpeaker() {
    let c = claims("Long-range weapons are widely considered a \"red line\" by officials.")
    #expect(c.first?.quote == "red line")
    #expect(c.first?.speaker == nil)
  }

  // MARK: debris

  @Test func debrisIsMarkedAndYieldsNoClaims() {
    let text = """
      Follow us on social
      Trump met Zelensky on Friday.
      Trump and Zelensky met. pic.twitter.com/abc — ayden (@squatsons) October 17, 2025
      Analysis | Europe
      The talks failed, officials said.
      Top photo credit: Donald Trump (Anna Moneymaker/Shutterstock)
      Another story about something else entirely.
      keep readingShow less
      """
    let (doc, claims) = Self.extractor.extract(Document(id: "d", path: "d", text: text))
    #expect(claims.map(\.text) == ["Trump met Zelensky on Friday.", "The talks failed, officials said."])
    #expect(
      doc.debris.map(\.rule) == [
        "debris.share", "debris.social-embed", "debris.section-label", "debris.photo-credit", "debris.teaser", "debris.teaser",
      ])
  }

  /// Each line of a crawled page that is furniture, by the shape that gives it away.
  @Test(arguments: [
    ("Skip to main contentSkip to navigation", "debris.glued-links"),
    ("notification-importantGet instant alerts and updates based on your interests.", "debris.glued-links"),
    ("* list 3 of 4US has given Ukraine and Russia June deadline to end war", "debris.caption"),
    ("**[1/5]** Prisoners of war pose for a picture as they arrive after a swap", "debris.caption"),
    ("Item 1 of 5 Prisoners of war pose for a picture as they arrive after a swap", "debris.caption"),
    ("Fighters patrol an area with their guns [File: Hussein Malla/AP Photo]", "debris.caption"),
    ("Families reach out for food aid. Photograph: Marwan Ali/AP", "debris.photo-credit"),
    ("Follow AP’s coverage of the war at <https://apnews.com/hub/russia-ukraine>", "debris.link"),
    ("Help us change the world. Get our stories by email.", "debris.promo"),
    ("If you believe you have found an inaccuracy let us know.", "debris.promo"),
    ("The Inside Track newsletter is your essential guide to sport. Sign up here.", "debris.newsletter"),
    ("Reporting by Olena Harmash; Editing by Daniel Flynn", "debris.credits"),
    ("Online Event Fri, January 30, 2026 • 9:00 am ET How Russia targets civilians", "debris.meta"),
    ("Conflict Europe & Eurasia Geopolitics & Energy Security Human Rights", "debris.tags"),
    ("Mail   Facebook   Twitter / X   LinkedIn", "debris.tags"),
    ("_The views expressed here are solely those of the authors._", "debris.disclaimer"),
    ("> _— The Committee for Freedom in Hong Kong Foundation report_", "debris.pull-quote"),
  ])
  func pageFurnitureIsDebris(_ line: String, _ rule: String) {
    let text = "Talks resumed in Geneva on Tuesday, officials said.\n\(line)\nThe delegations met for six hours."
    let (doc, claims) = Self.extractor.extract(Document(id: "d", path: "d", text: text))
    #expect(doc.debris.map(\.rule) == [rule])
    #expect(claims.map(\.text) == ["Talks resumed in Geneva on Tuesday, officials said.", "The delegations met for six hours."])
  }

  /// Prose that looks a little like furniture stays: units and models glued to digits, brand
  /// names, "we" and "you" inside quotations, lists with commas, a Mr who is a writer.
  @Test(arguments: [
    "In the last few months, many rival ISPs have begun to offer 2Mbps services.",
    "Boeing said it expected to sell about 500 of its 777-200LR planes.",
    "BlackRock and WhatsApp were named in the filing.",
    "‘The longer we keep giving you weapons, the more dependent you’ll be,’ Trump said.",
    "Barcelona, Bayern Munich, Porto, Real Madrid, Werder Bremen",
    "Mr Forsyth is a wonderful writer and should keep his fiction where it belongs.",
    "Support for the war has fallen, our poll shows.",
  ])
  func proseIsNotDebris(_ line: String) {
    let (doc, claims) = Self.extractor.extract(Document(id: "d", path: "d", text: "The talks went on.\n\(line)\nThey ended late."))
    #expect(doc.debris.isEmpty)
    #expect(claims.count == 3)
  }

  /// A "READ MORE" line in mid-page is debris, and the body after it is still the article; one
  /// followed by teasers ends it.
  @Test func aReadMoreLineInMidPageDoesNotEndTheArticle() {
    let body =
      "The delegations met for six hours in Geneva on Tuesday. They agreed to meet again next week, and both sides said the talks "
      + "had been useful, though no date was set for a summit."
    // past the middle of the page, where an end-of-article line would end it
    let before =
      "Talks resumed in Geneva after a pause of three months, with both delegations larger than before and a mediator from "
      + "Turkey.\nThe first round ended without a deal, and the second began on Monday with a long list of prisoners to exchange "
      + "and a short list of towns to leave.\nThe mediator said little."
    let text = before + "\nREAD MORE: Talks stall again\n\(body)"
    let (doc, claims) = Self.extractor.extract(Document(id: "d", path: "d", text: text))
    #expect(doc.debris.map(\.rule) == ["debris.read-more"])
    #expect(claims.count == 5)
    let tail = before + "\nREAD MORE: Talks stall again\nAnother story about something else"
    #expect(Self.extractor.extract(Document(id: "d", path: "d", text: tail)).0.debris.map(\.rule) == ["debris.read-more", "debris.teaser"])
  }

  /// A line shown twice, and a quotation block whose words stand in the body, are debris; an
  /// author's bio after the body ends the article.
  @Test func repeatsPullQuotesAndBiosAreDebris() {
    let text = """
      Sudanese families displaced from El Fasher reach out for food aid today.
      Traders in Hong Kong are supplying Russia's war machine with European electronics.
      > **_Hong Kong functions not merely as a permissive business environment_**
      The researchers wrote that “Hong Kong functions not merely as a permissive business environment.”
      Sudanese families displaced from El Fasher reach out for food aid today.
      The report was published on Monday.
      William Dixon is a senior associate fellow at the Royal United Service Institute.
      Another story about something else entirely.
      """
    let (doc, _) = Self.extractor.extract(Document(id: "d", path: "d", text: text))
    #expect(doc.debris.map(\.rule) == ["debris.pull-quote", "debris.repeated", "debris.bio", "debris.teaser"])
  }

  /// A sentence broken by a hard line wrap is one sentence again; a new line that starts a
  /// sentence, or follows a blank line, is not joined.
  @Test func hardWrappedLinesAreRejoined() {
    let c = claims("The minister said the talks\nwould resume on Monday, officials said.\nThe delegations met.\n\nand then nothing")
    #expect(
      c.map(\.text) == ["The minister said the talks would resume on Monday, officials said.", "The delegations met.", "and then nothing"])
    #expect(c[0].cited == ["The minister", "officials"])
  }

  @Test func aDatelineGivesTheDate() {
    let (doc, claims) = Self.extractor.extract(Document(id: "d", path: "d", text: " date 2025-10-27 Zelenskyy has demanded missiles."))
    #expect(doc.date?.description == "2025-10-27")
    #expect(claims.first?.text == "Zelenskyy has demanded missiles.")
  }
}
