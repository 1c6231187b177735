package com.mallrank.crawler.repair;

import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.SiteProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code profile repair} found, for a person and for a test: the outcome, the old and the
 * proposed text with their unified diff, one row per rule (known values read / cards of known
 * listings, old rule, new rule, what happened), what could not be repaired and why, the first
 * disagreements, and notes to check by hand. Texts from the page (rules built from its class names,
 * values) are not escaped here: the command line escapes them for the terminal.
 *
 * @param outcome the verdict
 * @param profile the profile's id
 * @param oldText the old profile's YAML
 * @param newText the proposal (the old text when nothing was proposed)
 * @param diff the unified diff, {@code ""} when none
 * @param rows one per rule: {@code cards}, each field, {@code sponsored}, further keys
 * @param unrepaired {@code field: why}, for each rule left as it was although it does not read the
 *     new page
 * @param differences {@code field: #position id: known …, read …}, the first disagreements
 * @param notes what to check by hand
 * @param failure why nothing was proposed ({@link Outcome#FAILED}), or {@code null}
 * @param extracted what the proposal (or, failed, the old profile) extracts from the new page, or
 *     {@code null}
 * @param known how many known listings were given
 * @param matched how many of them the proposal extracts from the new page
 */
public record RepairResult(
    Outcome outcome,
    String profile,
    String oldText,
    String newText,
    String diff,
    List<Row> rows,
    List<String> unrepaired,
    List<String> differences,
    List<String> notes,
    String failure,
    ResultPage extracted,
    int known,
    int matched) {

  /** The verdict of a repair. */
  public enum Outcome {
    /** The proposal reads every known listing's fields from the new page. */
    REPAIRED,
    /** The old profile already reads the new page: nothing changed. */
    NOTHING_TO_REPAIR,
    /** A proposal was made, but some rule still does not read the known values. */
    PARTIAL,
    /** No proposal: the known products are not on the page, or it is no result page. */
    FAILED
  }

  /**
   * One rule.
   *
   * @param what {@code cards}, a field key, {@code sponsored} or a key path
   * @param agreement {@code 58/60}: known values read / cards of known listings with a value
   * @param oldRule the old rule, or {@code -}
   * @param newRule the new rule, or {@code (kept)}
   * @param state {@code repaired}, {@code kept}, {@code not repaired}, {@code follows}
   */
  public record Row(String what, String agreement, String oldRule, String newRule, String state) {}

  public RepairResult {
    rows = List.copyOf(rows);
    unrepaired = List.copyOf(unrepaired);
    differences = List.copyOf(differences);
    notes = List.copyOf(notes);
  }

  /** Whether the proposal (or the old profile, unchanged) reads the new page. */
  public boolean complete() {
    return outcome == Outcome.REPAIRED || outcome == Outcome.NOTHING_TO_REPAIR;
  }

  /** Whether there is a proposal to write (complete or partial). */
  public boolean proposed() {
    return outcome == Outcome.REPAIRED || outcome == Outcome.PARTIAL;
  }

  static RepairResult failed(SiteProfile old, String oldText, int known, String why) {
    return new RepairResult(
        Outcome.FAILED,
        old.id(),
        oldText,
        oldText,
        "",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        why,
        null,
        known,
        0);
  }

  static RepairResult nothingToRepair(
      SiteProfile old, String oldText, int known, Verification check) {
    List<Row> rows = new ArrayList<>();
    rows.add(
        new Row(
            "cards", check.matched() + "/" + known, old.cards().expression(), "(kept)", "kept"));
    for (FieldName field : FieldName.values()) {
      Verification.FieldCheck c = check.fields().get(field);
      if (old.field(field) != null) {
        rows.add(
            new Row(
                field.key(),
                c == null ? "-" : c.agree() + "/" + c.total(),
                RuleSpec.of(old.field(field), old.mode()).describe(),
                "(kept)",
                "kept"));
      }
    }
    return new RepairResult(
        Outcome.NOTHING_TO_REPAIR,
        old.id(),
        oldText,
        oldText,
        "",
        rows,
        List.of(),
        differences(check),
        List.of(),
        null,
        check.page(),
        known,
        check.matched());
  }

  static RepairResult of(
      SiteProfile old,
      String oldText,
      String newText,
      Proposal proposal,
      Verification check,
      int known,
      boolean complete) {
    List<Row> rows = new ArrayList<>();
    List<String> unrepaired = new ArrayList<>();
    boolean cardsChanged = !proposal.newCards().equals(proposal.oldCards());
    rows.add(
        new Row(
            "cards",
            check.matched() + "/" + known,
            proposal.oldCards(),
            cardsChanged ? proposal.newCards() : "(kept)",
            cardsChanged ? "repaired" : "kept"));
    for (FieldOutcome outcome : proposal.fields().values()) {
      Verification.FieldCheck c = check.fields().get(outcome.field());
      if (outcome.old() == null && outcome.proposed() == null) {
        continue;
      }
      String state;
      if (outcome.reason() != null && outcome.total() > 0) {
        state = "not repaired";
        unrepaired.add(outcome.field().key() + ": " + outcome.reason() + "; left as it was");
      } else if (outcome.changed()) {
        state = "repaired";
      } else {
        state = "kept";
      }
      rows.add(
          new Row(
              outcome.field().key(),
              c == null ? "-" : c.agree() + "/" + c.total(),
              outcome.old() == null ? "-" : outcome.old().describe(),
              outcome.changed() ? outcome.proposed().describe() : "(kept)",
              state));
    }
    Proposal.SponsoredOutcome s = proposal.sponsored();
    if (s != null) {
      String state;
      if (s.reason() != null) {
        state = "not repaired";
        unrepaired.add("sponsored: " + s.reason() + "; left as it was");
      } else {
        state = s.changed() ? "repaired" : "kept";
      }
      rows.add(
          new Row(
              "sponsored",
              check.ads().tp()
                  + "/"
                  + check.ads().ads()
                  + " ads, "
                  + check.ads().fp()
                  + " organic flagged",
              s.old() == null ? "-" : s.old().describe(),
              s.changed() ? s.proposed().describe() : "(kept)",
              state));
    }
    proposal
        .otherEdits()
        .forEach(
            (key, value) ->
                rows.add(new Row(key, "-", old.fetch().itemsPointer(), value, "follows cards")));
    List<String> notes = new ArrayList<>(proposal.notes());
    if (proposal.skip() != null) {
      rows.add(new Row("skip-cards", "-", "-", "+ " + proposal.skip() + " missing", "added"));
      notes.add(
          "cards without '"
              + proposal.skip()
              + "' (no product id: tiles, not listings) are skipped by the added skip-cards rule;"
              + " check that they are not products");
    }
    return new RepairResult(
        complete ? Outcome.REPAIRED : Outcome.PARTIAL,
        old.id(),
        oldText,
        newText,
        UnifiedDiff.of(old.id() + ".yml", old.id() + ".yml (repaired)", oldText, newText),
        rows,
        unrepaired,
        differences(check),
        notes,
        null,
        check.page(),
        known,
        check.matched());
  }

  private static List<String> differences(Verification check) {
    List<String> out = new ArrayList<>();
    check.fields().forEach((field, c) -> c.misses().forEach(m -> out.add(field.key() + ": " + m)));
    check.sponsoredMisses().forEach(m -> out.add("sponsored: " + m));
    return out;
  }
}
