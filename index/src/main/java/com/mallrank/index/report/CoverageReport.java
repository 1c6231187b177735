package com.mallrank.index.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which keywords each matrix account covers in a window. A "sample" is one ranked (ok/partial)
 * result page: one (slot, keyword, vantage).
 *
 * @param from the window start (inclusive)
 * @param to the window end (exclusive)
 * @param cells one per (keyword, account) with a listing in the Top-20 of at least one sample,
 *     sorted by keyword then account
 * @param shares one per account: Top-20 positions held over all Top-20 positions observed
 * @param cannibalisation keywords where two or more accounts were in the Top-20 of the same sample
 * @param gaps keywords with ranked samples where no account was ever in the Top-20, each with a
 *     suggested account
 * @param nearMisses own listings at positions 21–50: the best per (keyword, account)
 * @param unranked keywords sampled in the window with no ok/partial sample (no evidence either way:
 *     neither covered nor a gap)
 * @param top20Positions Top-20 positions observed in ranked samples (all listings at positions
 *     1..20)
 */
public record CoverageReport(
    Instant from,
    Instant to,
    List<Cell> cells,
    List<Share> shares,
    List<Cannibalisation> cannibalisation,
    List<Gap> gaps,
    List<NearMiss> nearMisses,
    List<String> unranked,
    long top20Positions) {

  public CoverageReport {
    cells = List.copyOf(cells);
    shares = List.copyOf(shares);
    cannibalisation = List.copyOf(cannibalisation);
    gaps = List.copyOf(gaps);
    nearMisses = List.copyOf(nearMisses);
    unranked = List.copyOf(unranked);
  }

  /** The cell of one keyword and account, if the account was ever in that keyword's Top-20. */
  public Optional<Cell> cell(String keyword, String account) {
    return cells.stream()
        .filter(c -> c.keyword().equals(keyword) && c.account().equals(account))
        .findFirst();
  }

  /**
   * One keyword × account cell.
   *
   * @param keyword the keyword
   * @param account the matrix account
   * @param bestRank the best position any of its listings reached (1..20)
   * @param samplesInTop20 samples (slot × vantage) in which it had a listing in the Top-20
   */
  public record Cell(String keyword, String account, int bestRank, long samplesInTop20) {}

  /**
   * One account's share of the first screen.
   *
   * @param account the matrix account
   * @param heldPositions Top-20 positions its listings held, over all samples
   * @param share {@code heldPositions / top20Positions} (0 when nothing was observed)
   */
  public record Share(String account, long heldPositions, double share) {}

  /**
   * Self-competition in one keyword.
   *
   * @param keyword the keyword
   * @param accounts every account that shared a Top-20 with another one, sorted
   * @param samples samples in which two or more accounts were in the Top-20
   * @param lastSlot the latest slot where it happened
   */
  public record Cannibalisation(
      String keyword, List<String> accounts, long samples, Instant lastSlot) {
    public Cannibalisation {
      accounts = List.copyOf(accounts);
    }
  }

  /**
   * A keyword nobody covers.
   *
   * @param keyword the keyword
   * @param suggestedAccount the account to assign, or {@code null} when no account shows up at all
   * @param basis why that account
   * @param bestNearMiss the suggested account's best near-miss position, or {@code null}
   */
  public record Gap(String keyword, String suggestedAccount, Basis basis, Integer bestNearMiss) {}

  /** Why an account is suggested for a gap. */
  public enum Basis {
    /** It has the best near-miss position (21–50); ties: more near-miss observations, then id. */
    NEAR_MISS,
    /**
     * No near miss: it has the most listings at any depth in the keyword's results in the window;
     * ties: account id.
     */
    PRESENCE,
    /** No account has any listing in the keyword's results. */
    NONE
  }

  /**
   * An own listing just off the first screen.
   *
   * @param keyword the keyword
   * @param account the matrix account
   * @param productId the product at the best near-miss position
   * @param bestPosition the best position in 21..50
   * @param observations listings of the account at positions 21–50 in the window
   */
  public record NearMiss(
      String keyword,
      String account,
      String productId,
      String title,
      String shopName,
      int bestPosition,
      long observations) {}
}
