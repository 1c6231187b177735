package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code fetch.actions}: read in order, the search action found, every mistake located. */
class PageActionsProfileTest {

  private static String profile(String actions) {
    return TestProfiles.jsonFetching(
        "boxed",
        """
        with: browser
        mode: capture
        capture-url: "**/material_list*"
        actions:
        """
            + actions.indent(2));
  }

  @Test
  void readsEveryKindInOrderAndTheLastPressSendsTheSearch() {
    SiteProfile p =
        SiteProfiles.parse(
            "boxed.yml",
            profile(
                """
                - wait-for: "#SearchBarWrapper input"
                - click: "div.popup button.close"
                - fill: {selector: "#SearchBarWrapper input", text: "{keyword} 女"}
                - press: Enter
                - wait-for: {response: "regex:/material_list"}
                - scroll: div.list-scroller
                - scroll: window
                - wait: 300
                """));

    var actions = p.fetch().actions();
    assertThat(actions)
        .extracting(PageAction::kind)
        .containsExactly(
            PageAction.Kind.WAIT_FOR,
            PageAction.Kind.CLICK,
            PageAction.Kind.FILL,
            PageAction.Kind.PRESS,
            PageAction.Kind.WAIT_FOR,
            PageAction.Kind.SCROLL,
            PageAction.Kind.SCROLL,
            PageAction.Kind.WAIT);
    assertThat(actions)
        .extracting(PageAction::search)
        .containsExactly(false, false, false, true, false, false, false, false);
    assertThat(actions.get(2).textFor("羽绒服")).isEqualTo("羽绒服 女");
    assertThat(actions.get(3).key()).isEqualTo("Enter");
    assertThat(actions.get(4).response()).isEqualTo("regex:/material_list");
    assertThat(actions.get(5).selector()).isEqualTo("div.list-scroller");
    assertThat(actions.get(6).selector()).isNull();
    assertThat(actions.get(7).millis()).isEqualTo(300);
    assertThat(actions.get(3).line()).isEqualTo(16);
  }

  @Test
  void anExplicitSearchActionWins() {
    SiteProfile p =
        SiteProfiles.parse(
            "boxed.yml",
            profile(
                """
                - fill: {selector: input.kw}
                - press: {key: Enter, selector: input.kw}
                  search: true
                - click: button.close-tips
                """));

    assertThat(p.fetch().actions())
        .extracting(PageAction::search)
        .containsExactly(false, true, false);
    assertThat(p.fetch().actions().get(0).textFor("k")).isEqualTo("k");
    assertThat(p.fetch().actions().get(1).selector()).isEqualTo("input.kw");
  }

  @Test
  void everyMistakeIsNamedWithLineAndKeyPath() {
    String yaml =
        profile(
            """
            - type: {selector: input}
            - fill: {text: "{keyword}"}
            - press: "Enter; rm"
            - wait: 60000
            - wait-for: {selector: div, response: "**/x"}
            - wait-for: {response: "regex:(("}
            - click: "div[["
            - {press: Enter, click: button}
            - scroll: ""
            - press: Enter
              search: true
            - click: a.go
              search: yes
            """);

    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .satisfies(
            e ->
                assertThat(((ProfileException) e).problems())
                    .extracting(pr -> pr.line() + " " + pr.field())
                    .containsExactly(
                        "13 fetch.actions[0].type",
                        "14 fetch.actions[1].fill.selector",
                        "15 fetch.actions[2].press",
                        "16 fetch.actions[3].wait",
                        "17 fetch.actions[4].wait-for",
                        "18 fetch.actions[5].wait-for.response",
                        "19 fetch.actions[6].click",
                        "20 fetch.actions[7]",
                        "21 fetch.actions[8].scroll",
                        "25 fetch.actions[10].search"))
        .hasMessageContaining(
            "boxed.yml:13: fetch.actions[0].type: unknown action; allowed here: click, fill,"
                + " press, scroll, wait, wait-for, search")
        .hasMessageContaining(
            "boxed.yml:16: fetch.actions[3].wait: must be milliseconds, 1..10000, was '60000'");
  }

  @Test
  void actionsNeedABrowserAndAList() {
    String staticFetch =
        profile("- press: Enter\n")
            .replace(
                "  with: browser\n  mode: capture\n  capture-url: \"**/material_list*\"\n",
                "  with: static\n");
    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", staticFetch))
        .hasMessageContaining("fetch.with: the other fetch keys need with: browser");

    String notAList = profile("").replace("  actions:\n", "  actions: click\n");
    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", notAList))
        .hasMessageContaining("boxed.yml:12: fetch.actions: must be a list of actions");
  }
}
