package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the alert rules look at after a slot was sampled: the change events detected (only ever from
 * ok or partial samples) and the status of every sample, each with its profile (surface), as a
 * sample's identity is slot × profile × keyword × vantage. {@code SlotChanges} maps the index's
 * change events and samples to this.
 *
 * @param slot the slot just sampled (or, for dead letters, the slot they belong to)
 * @param changes the change events of the slot
 * @param samples the samples of the slot
 * @param layoutChanges the keywords whose samples turned layout_changed in the slot, per profile,
 *     and whether a repair proposal can be made for each
 * @param deadLetters partitions of the slot whose request the broker dead-lettered
 */
public record AlertInput(
    Instant slot,
    List<Change> changes,
    List<Sample> samples,
    List<LayoutChange> layoutChanges,
    List<DeadLetter> deadLetters) {

  public AlertInput {
    Objects.requireNonNull(slot, "slot");
    changes = List.copyOf(changes);
    samples = List.copyOf(samples);
    layoutChanges = List.copyOf(layoutChanges);
    deadLetters = List.copyOf(deadLetters);
  }

  /** A sampled slot's input: its changes and samples, no layout changes, no dead letters. */
  public AlertInput(Instant slot, List<Change> changes, List<Sample> samples) {
    this(slot, changes, samples, List.of(), List.of());
  }

  /** A sampled slot's input with the keywords whose layout changed, no dead letters. */
  public AlertInput(
      Instant slot, List<Change> changes, List<Sample> samples, List<LayoutChange> layoutChanges) {
    this(slot, changes, samples, layoutChanges, List.of());
  }

  /** Partitions the broker gave up on: nothing else to look at. */
  public static AlertInput deadLetters(Instant slot, List<DeadLetter> deadLetters) {
    return new AlertInput(slot, List.of(), List.of(), List.of(), deadLetters);
  }

  /**
   * A keyword whose page changed layout on one profile in the slot.
   *
   * @param profile the site profile (surface)
   * @param keyword the keyword
   * @param samples its layout_changed samples in the slot (one per vantage)
   * @param repairable whether evidence was kept and an earlier sample produced ranks, so {@code
   *     profile repair} can propose the fix
   */
  public record LayoutChange(String profile, String keyword, long samples, boolean repairable) {}

  /**
   * A partition request the broker moved to its dead-letter queue after workers handed it back too
   * often: its keywords are not sampled until it is moved back ({@code mallrank broker requeue}).
   *
   * @param stepExecutionId the partition's step execution id
   * @param partition the partition's name ({@code sampleKeywords:anonymous-shard0}), or {@code
   *     null} when the JobRepository does not know it
   * @param group the plan group of its slot, or {@code null}
   * @param identity the vantage whose keywords it holds, or {@code null}
   */
  public record DeadLetter(long stepExecutionId, String partition, String group, String identity) {}

  /**
   * One change event.
   *
   * @param slot the later slot of the comparison
   * @param profile the site profile (surface) of both samples, or {@code null} when unknown
   * @param keyword the keyword
   * @param vantage who searched
   * @param kind what changed
   * @param productId the product
   * @param shop the shop name, or {@code null}
   * @param matrixAccount the owning matrix account, {@code null} for a competitor
   * @param oldValue the earlier value (fen, basis points, image key, title, shop), or {@code null}
   * @param newValue the later value, or {@code null}
   * @param rankBefore the earlier position, {@code null} when not ranked
   * @param rankAfter the later position, {@code null} when not ranked
   */
  public record Change(
      Instant slot,
      String profile,
      String keyword,
      String vantage,
      ChangeKind kind,
      String productId,
      String shop,
      String matrixAccount,
      String oldValue,
      String newValue,
      Integer rankBefore,
      Integer rankAfter) {

    public Change {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(kind, "kind");
    }

    /** Whether the listing belongs to a matrix account. */
    public boolean own() {
      return matrixAccount != null;
    }
  }

  /**
   * One sample's status.
   *
   * @param slot the slot
   * @param profile the site profile (surface) sampled, or {@code null} when unknown
   * @param keyword the keyword
   * @param vantage who searched ({@code anonymous} or a matrix account)
   * @param status the status code ({@code ok}, {@code blocked}, {@code login_required}, ...)
   * @param detail what decided the status (the sample's marker: {@code needs-login} for a sample
   *     skipped because its account needs a new login), or {@code null}
   */
  public record Sample(
      Instant slot, String profile, String keyword, String vantage, String status, String detail) {
    public Sample {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(vantage, "vantage");
      Objects.requireNonNull(status, "status");
    }

    /** Who searched where: a captcha or a login wall on one surface says nothing about another. */
    public Searcher searcher() {
      return new Searcher(profile, vantage);
    }
  }

  /**
   * A vantage on one site profile (surface): what the sampling-problem rules group samples by.
   *
   * @param profile the site profile, or {@code null} when unknown
   * @param vantage {@code anonymous} or a matrix account
   */
  public record Searcher(String profile, String vantage) {

    /** Whether this is the logged-out vantage (no matrix account, no login to renew). */
    public boolean anonymous() {
      return vantage.equals("anonymous");
    }

    /**
     * A critical alert about this searcher's sampling (no keyword: it spans keywords), on its
     * surface, naming its matrix account unless it is {@linkplain #anonymous() anonymous}.
     */
    Alert critical(String rule, Instant slot, String subject, String summary, String detail) {
      return new Alert(
          rule,
          Alert.Severity.CRITICAL,
          slot,
          profile,
          null,
          subject,
          vantage,
          anonymous() ? null : vantage,
          summary,
          detail);
    }
  }
}
