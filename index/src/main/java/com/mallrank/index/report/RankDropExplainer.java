package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ChangeKind;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why did my listing drop? For an own listing's drop — an {@code own_moved} event that lost
 * positions (or fell out of the loaded depth), or any two slots — the competitor change events of
 * the same keyword and vantage detected in (before, after]. Events are per vantage: other vantages'
 * copies of the same competitor change are not repeated.
 */
final class RankDropExplainer extends ReportQuery {

  private static final int MAX_EVENTS = 1_000;

  private final ChangeLog log;

  RankDropExplainer(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
    this.log = new ChangeLog(client, names, profile);
  }

  /** Explains one {@code own_moved} event (between its previous slot and its slot). */
  RankDropExplanation explain(ChangeEvent drop) {
    if (drop.changeKind() != ChangeKind.OWN_MOVED) {
      throw new IllegalArgumentException("not an own_moved event: " + drop.id());
    }
    return explain(
        drop.profile() != null ? drop.profile() : profile,
        drop.keyword(),
        drop.vantage(),
        drop.productId(),
        drop.matrixAccount(),
        drop.previousSlot(),
        drop.slot(),
        drop.rankBefore(),
        drop.rankAfter());
  }

  /**
   * Every drop of own listings in [from, to) (optionally of one keyword, vantage, product), each
   * explained; newest first.
   */
  List<RankDropExplanation> drops(
      Instant from, Instant to, String keyword, String vantage, String productId) {
    ChangeLogQuery query =
        ChangeLogQuery.window(from, to)
            .kinds(List.of(ChangeKind.OWN_MOVED.code()))
            .keywords(keyword == null ? null : List.of(keyword))
            .vantages(vantage == null ? null : List.of(vantage))
            .products(productId == null ? null : List.of(productId))
            .pageSize(MAX_EVENTS);
    List<ChangeEvent> drops = new ArrayList<>();
    log.forEach(
        query,
        e -> {
          if (e.rankBefore() != null && (e.rankAfter() == null || e.rankAfter() > e.rankBefore())) {
            drops.add(e);
          }
        });
    List<RankDropExplanation> result = new ArrayList<>();
    for (ChangeEvent drop : drops) {
      result.add(explain(drop));
    }
    return result;
  }

  /**
   * Explains the change of one product between two slots (its best positions are read from the
   * listings; {@code null} when not found).
   */
  RankDropExplanation explain(
      String keyword, String vantage, String productId, Instant before, Instant after) {
    Map<Long, Integer> positions = new HashMap<>();
    Map<String, String> account = new HashMap<>();
    new Composites(
            client,
            names.listingsAlias(),
            Filters.bool(
                b -> {
                  Filters.profile(b, profile);
                  b.filter(Filters.term(Fields.KEYWORD, keyword))
                      .filter(Filters.term(Fields.VANTAGE, vantage))
                      .filter(Filters.term(Fields.PRODUCT_ID, productId))
                      .filter(
                          Filters.terms(Fields.SLOT, List.of(before.toString(), after.toString())));
                }))
        .terms(Fields.SLOT)
        .terms(Fields.MATRIX_ACCOUNT, Fields.MATRIX_ACCOUNT, true)
        .forEachBestPosition(
            (b, best) -> {
              positions.merge(Composites.number(b, Fields.SLOT), best, Math::min);
              String acct = Composites.string(b, Fields.MATRIX_ACCOUNT);
              if (acct != null) {
                account.put("account", acct);
              }
            });
    return explain(
        profile,
        keyword,
        vantage,
        productId,
        account.get("account"),
        before,
        after,
        positions.get(before.toEpochMilli()),
        positions.get(after.toEpochMilli()));
  }

  private RankDropExplanation explain(
      String surface,
      String keyword,
      String vantage,
      String productId,
      String account,
      Instant before,
      Instant after,
      Integer rankBefore,
      Integer rankAfter) {
    ChangeLogQuery query =
        ChangeLogQuery.window(before.plusMillis(1), after.plusMillis(1))
            .keywords(List.of(keyword))
            .vantages(List.of(vantage))
            .pageSize(MAX_EVENTS);
    Map<String, ChangeEvent> events = new LinkedHashMap<>();
    log.forEach(
        query,
        e -> {
          // the competitors' changes on the drop's own surface only
          if (e.changeKind().competitor() && (surface == null || surface.equals(e.profile()))) {
            events.put(e.id(), e);
          }
        });
    Comparator<ChangeEvent> byRankNow =
        Comparator.comparing(
                (ChangeEvent e) -> e.rankAfter() == null ? Integer.MAX_VALUE : e.rankAfter())
            .thenComparing(e -> e.changeKind().ordinal())
            .thenComparing(ChangeEvent::productId);
    List<ChangeEvent> changes = events.values().stream().sorted(byRankNow).toList();
    List<ChangeEvent> overtakers =
        changes.stream()
            .filter(e -> overtook(e, rankBefore, rankAfter))
            .filter(distinctProducts())
            .toList();
    return new RankDropExplanation(
        keyword,
        vantage,
        productId,
        account,
        before,
        after,
        rankBefore,
        rankAfter,
        changes,
        overtakers);
  }

  private static boolean overtook(ChangeEvent e, Integer ownBefore, Integer ownAfter) {
    if (e.rankAfter() == null) {
      return false;
    }
    boolean aboveNow = ownAfter == null || e.rankAfter() < ownAfter;
    boolean belowBefore = e.rankBefore() == null || ownBefore == null || e.rankBefore() > ownBefore;
    return aboveNow && belowBefore;
  }

  private static java.util.function.Predicate<ChangeEvent> distinctProducts() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return e -> seen.add(e.productId());
  }
}
