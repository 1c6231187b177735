package com.mallrank.crawler.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repair on two malls it was not written against (built by hand after real marketplaces'
 * shapes, see {@link UnseenMalls}): the old profile reads the old design; the file form's input is
 * its {@code profile test --json} output and the redesigned page; the proposal must read every card
 * of the redesign with every field exactly the mall's.
 */
class UnseenMallRepairTest {

  @Test
  void theHtmlMallsRedesignIsRepairedToEveryFieldOnEveryCard() {
    List<UnseenMalls.Item> items = UnseenMalls.mercado();
    repairsExactly(
        "mercado-es",
        items,
        UnseenMalls.mercadoOld(items),
        UnseenMalls.mercadoNew(items),
        "https://www.mercado.test/s?k=god+of+war");
  }

  @Test
  void theJsonMallsRedesignIsRepairedToEveryFieldOnEveryCard() {
    List<UnseenMalls.Item> items = UnseenMalls.tienda();
    repairsExactly(
        "tienda",
        items,
        UnseenMalls.tiendaOld(items),
        UnseenMalls.tiendaNew(items),
        "https://s.tienda.test/search?q=女包");
  }

  /**
   * The old profile reads the old design right (what it read is the known listings); the repair of
   * the redesign is complete and reads every card exactly.
   */
  private static void repairsExactly(
      String id, List<UnseenMalls.Item> items, String oldPage, String newPage, String url) {
    SiteProfile old = profile(id);
    List<Listing> truth = UnseenMalls.truth(items);
    List<Listing> known = known(old, oldPage);
    assertSame(known, truth);

    RepairResult result =
        ProfileRepair.repair(
            old,
            text(id),
            url,
            newPage.getBytes(StandardCharsets.UTF_8),
            known,
            ApplicationDefaults.repair());

    assertThat(result.outcome())
        .as(ProfileRepairTest.report(result))
        .isEqualTo(RepairResult.Outcome.REPAIRED);
    assertSame(result.extracted().listings(), truth);
  }

  private static List<Listing> known(SiteProfile old, String page) {
    ResultPage read =
        Extractors.forProfile(old, new ExtractOptions(60))
            .extract(
                FetchResponse.ofBytes(
                    "https://www.mercado.test/old",
                    200,
                    null,
                    page.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO));
    assertThat(read.status())
        .as(read.evidence().detail())
        .isIn(SampleStatus.OK, SampleStatus.PARTIAL);
    return KnownListings.parse("ok.json", ProfileTester.json(read));
  }

  /** Position, ad flag, organic rank and every field the mall shows, card by card. */
  private static void assertSame(List<Listing> got, List<Listing> want) {
    assertThat(got).hasSize(want.size());
    for (int i = 0; i < want.size(); i++) {
      Listing g = got.get(i);
      Listing w = want.get(i);
      String card = "card " + (i + 1);
      assertThat(g.position()).as(card).isEqualTo(w.position());
      assertThat(g.sponsored()).as(card).isEqualTo(w.sponsored());
      assertThat(g.productId()).as(card).isEqualTo(w.productId());
      assertThat(g.title()).as(card).isEqualTo(w.title());
      assertThat(g.shopId()).as(card).isEqualTo(w.shopId());
      assertThat(g.shopName()).as(card).isEqualTo(w.shopName());
      assertThat(g.price()).as(card).isEqualByComparingTo(w.price());
      assertThat(g.salesLabel()).as(card).isEqualTo(w.salesLabel());
      assertThat(g.imageUrl()).as(card).endsWith(w.imageUrl().replaceFirst("^(https:)?//", ""));
    }
  }

  private static SiteProfile profile(String id) {
    return SiteProfiles.parse(id + ".yml", text(id));
  }

  private static String text(String id) {
    try (InputStream in =
        UnseenMallRepairTest.class.getResourceAsStream("/profiles/unseen/" + id + ".yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
