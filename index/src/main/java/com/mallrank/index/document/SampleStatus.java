package com.mallrank.index.document;

import java.util.List;

/**
 * The index's one home of sample status codes ({@link #CODES}, named here and nowhere else in the
 * index and the batch's reports) and of the rule which of them produce ranks. Only {@code ok} and
 * {@code partial} samples may produce ranks, movements and change events; a blocked, empty,
 * login-wall, changed-layout, failed or skipped sample never means "my listing dropped out". Every
 * query, filter and detector of the index module asks here ({@link #producesRanks}, {@link
 * #RANKED}). The codes are the crawler's {@code SampleStatus#code()}s as stored; the crawler keeps
 * the same rule for its enum on its side of the module boundary (the index does not depend on it).
 */
public final class SampleStatus {

  /** Status code of a sample whose listings were all read. */
  public static final String OK = code("ok");

  /** Status code of a sample whose listings were read in part (still ranks what it has). */
  public static final String PARTIAL = code("partial");

  /** Status code of a sample whose page said there are no results for the keyword. */
  public static final String EMPTY = code("empty");

  /** Status code of a sample served a captcha or verification page instead of results. */
  public static final String BLOCKED = code("blocked");

  /** Status code of a sample that met a login wall. */
  public static final String LOGIN_REQUIRED = code("login_required");

  /**
   * Status code of a sample whose profile's selectors matched nothing where cards were expected.
   */
  public static final String LAYOUT_CHANGED = code("layout_changed");

  /** Status code of a sample that received nothing usable (network, HTTP or size failure). */
  public static final String ERROR = code("error");

  /** Status code of a sample not fetched on purpose (its marker says why). */
  public static final String SKIPPED = code("skipped");

  /** Every status code, ranked ones first, in the order reports show them. */
  public static final List<String> CODES =
      List.of(OK, PARTIAL, EMPTY, BLOCKED, LOGIN_REQUIRED, LAYOUT_CHANGED, ERROR, SKIPPED);

  /** The statuses that produce ranks, for terms filters. */
  public static final List<String> RANKED = List.of(OK, PARTIAL);

  private SampleStatus() {}

  /**
   * The code itself. Through a call, so the codes are not compile-time constants: {@code javac}
   * copies a constant's value into every class that names it, leaving no trace of the name in their
   * bytecode; a field read stays visible, and the architecture rules check that only this class
   * names the ranked statuses.
   */
  private static String code(String code) {
    return code;
  }

  /** Whether a sample with this status code may produce ranks ({@code ok} or {@code partial}). */
  public static boolean producesRanks(String status) {
    return RANKED.contains(status);
  }
}
