package com.mallrank.index.document;

import java.util.List;

/**
 * The index's one rule about sample status codes: which statuses produce ranks. Only {@code ok} and
 * {@code partial} samples may produce ranks, movements and change events; a blocked, empty,
 * login-wall, changed-layout, failed or skipped sample never means "my listing dropped out". Every
 * query, filter and detector of the index module asks here ({@link #producesRanks}, {@link
 * #RANKED}). The codes are the crawler's {@code SampleStatus#code()}s as stored; the crawler keeps
 * the same rule for its enum on its side of the module boundary (the index does not depend on it).
 */
public final class SampleStatus {

  /** Status code of a sample whose listings were all read. */
  public static final String OK = "ok";

  /** Status code of a sample whose listings were read in part (still ranks what it has). */
  public static final String PARTIAL = "partial";

  /** Status code of a sample that met a login wall. */
  public static final String LOGIN_REQUIRED = "login_required";

  /** Status code of a sample not fetched on purpose (its marker says why). */
  public static final String SKIPPED = "skipped";

  /** The statuses that produce ranks, for terms filters. */
  public static final List<String> RANKED = List.of(OK, PARTIAL);

  private SampleStatus() {}

  /** Whether a sample with this status code may produce ranks ({@code ok} or {@code partial}). */
  public static boolean producesRanks(String status) {
    return RANKED.contains(status);
  }
}
