package com.mallrank.crawler.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Everything a page says is hostile, for the repair too: what it is bounded by (nesting, the number
 * of cards, the elements of a card, the length of a text searched), and that what it writes from
 * the page into the profile (class names, labels) cannot become selector or YAML syntax.
 */
class HostileRepairTest {

  private static final SiteProfile STATIC = SiteProfiles.builtIn("sandbox-static");
  private static final SiteProfile SPA = SiteProfiles.builtIn("sandbox-spa");

  private static List<Listing> known(int count) {
    List<Listing> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(
          new Listing(
              i + 1,
              i + 1,
              false,
              Long.toString(3600000000000000000L + i),
              "商品" + i,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return out;
  }

  private static RepairResult repair(SiteProfile profile, String page, List<Listing> known) {
    return ProfileRepair.repair(
        profile,
        SiteProfiles.builtInText(profile.id()),
        "file:/hostile",
        page.getBytes(StandardCharsets.UTF_8),
        known,
        ApplicationDefaults.repair());
  }

  @Test
  void jsonNestedDeeperThanExtractionAllowsIsNotJson() {
    String deep = "[".repeat(300) + "]".repeat(300);

    RepairResult result = repair(SPA, deep, known(3));

    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.FAILED);
    assertThat(result.failure()).startsWith("the new page is not JSON: ");
  }

  @Test
  void idsInHugeAttributesAndTextsAreNotLookedFor() {
    List<Listing> known = known(5);
    StringBuilder page = new StringBuilder("<html><body>");
    // every id in one huge attribute and one huge text: no card is learnt from them
    StringBuilder all = new StringBuilder();
    known.forEach(l -> all.append(l.productId()).append(' '));
    String padding = "x".repeat(HtmlInduction.MAX_ID_TEXT);
    page.append("<div data-all=\"")
        .append(all)
        .append(padding)
        .append("\">")
        .append(all)
        .append(padding)
        .append("</div></body></html>");

    RepairResult result = repair(STATIC, page.toString(), known);

    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.FAILED);
    assertThat(result.failure())
        .isEqualTo(
            "the known product ids are not on the new page (0 of 5 found): nothing to learn the"
                + " new layout from");
  }

  @Test
  void aCardOfThousandsOfElementsIsReadOnlyToItsBound() {
    List<Listing> known = known(5);
    StringBuilder page = new StringBuilder("<html><body><ul>");
    for (Listing l : known) {
      page.append("<li class=\"c\"><b class=\"id\">").append(l.productId()).append("</b>");
      page.append("<i>x</i>".repeat(5_000));
      // the title after the bound: not found, so the title is not repaired
      page.append("<p class=\"t\">").append(l.title()).append("</p></li>");
    }
    page.append("</ul></body></html>");

    RepairResult result = repair(STATIC, page.toString(), known);

    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.PARTIAL);
    assertThat(ProfileRepairTest.rule(result, "cards").newRule()).isEqualTo(".c");
    assertThat(ProfileRepairTest.rule(result, "product-id").newRule()).isEqualTo(".id");
    assertThat(result.unrepaired())
        .containsExactly(
            "title: no rule reads the known values on the cards (0 of 5); left as it was");
  }

  @Test
  void moreCardsThanABoundIsNoCardSelector() {
    List<Listing> known = known(3);
    StringBuilder page = new StringBuilder("<html><body>");
    for (Listing l : known) {
      page.append("<div class=\"k\"><span class=\"c\">").append(l.productId()).append("</span>");
      page.append("<span class=\"c\"></span>".repeat(HtmlInduction.MAX_CARDS)).append("</div>");
    }
    page.append("</body></html>");

    RepairResult result = repair(STATIC, page.toString(), known);

    // .c matches more than the bound; .k (one per product) is what is left
    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.PARTIAL);
    assertThat(ProfileRepairTest.rule(result, "cards").newRule()).isEqualTo(".k");
  }

  @Test
  void classNamesThatAreSelectorSyntaxAreNeverProposed() {
    List<Listing> known = known(4);
    StringBuilder page = new StringBuilder("<html><body>");
    for (Listing l : known) {
      page.append("<div class=\"a:hover[x] card\" data-x=\"1\"><em class=\"i{d}\">")
          .append(l.productId())
          .append("</em><h3 class=\"t),x\">")
          .append(l.title())
          .append("</h3></div>");
    }
    page.append("</body></html>");

    RepairResult result = repair(STATIC, page.toString(), known);

    assertThat(result.outcome())
        .as(ProfileRepairTest.report(result))
        .isEqualTo(RepairResult.Outcome.REPAIRED);
    assertThat(ProfileRepairTest.rule(result, "cards").newRule()).isEqualTo(".card");
    assertThat(ProfileRepairTest.rule(result, "product-id").newRule()).isEqualTo("em");
    assertThat(ProfileRepairTest.rule(result, "title").newRule()).isEqualTo("h3");
  }

  @Test
  void aLabelFromThePageIsOneEscapedYamlScalar() {
    assertThat(ProfileText.scalar("广告")).isEqualTo("广告");
    assertThat(ProfileText.scalar("广\u202e告\"\n: x #y"))
        .isEqualTo("\"广\\u202E告\\\"\\u000A: x #y\"");
    assertThat(ProfileText.scalar("true")).isEqualTo("\"true\"");
    assertThat(ProfileText.scalar("1250")).isEqualTo("\"1250\"");
    assertThat(ProfileText.scalar("-x")).isEqualTo("\"-x\"");
    assertThat(ProfileText.scalar(".goods-meta .sales")).isEqualTo(".goods-meta .sales");
  }
}
