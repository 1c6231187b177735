package com.mallrank.batch.remote;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * A fingerprint of what a plan makes a worker sample: every group's name, profile, depth, vantages,
 * keywords in order and per-keyword depths, and the accounts' ids. A manager writes it into each
 * partition; a worker whose own plan has another fingerprint refuses the partition, since the same
 * shard index would mean other keywords on its side.
 */
public final class PlanVersion {

  /** Step-context key of a partition: the manager's plan version. */
  public static final String KEY = "planVersion";

  private PlanVersion() {}

  /** The first 12 hex digits of the SHA-256 of the plan's sampling content. */
  public static String of(Plan plan) {
    StringBuilder text = new StringBuilder();
    for (MatrixAccount account : plan.accounts()) {
      text.append("account\u0000").append(account.id()).append('\n');
    }
    for (KeywordGroup group : plan.groups()) {
      text.append("group\u0000")
          .append(group.name())
          .append('\u0000')
          .append(group.profile())
          .append('\u0000')
          .append(group.depth())
          .append('\u0000')
          .append(String.join("\u0001", group.vantages()))
          .append('\u0000')
          .append(String.join("\u0001", group.keywords()))
          .append('\u0000')
          .append(new TreeMap<>(group.depths()))
          .append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
