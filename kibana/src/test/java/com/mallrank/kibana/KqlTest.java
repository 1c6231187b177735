package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KqlTest {

  @Test
  void parsesWhatDashboardsUse() {
    assertThat(Kql.parse("not matrix_account : * and position <= 20"))
        .containsExactly(
            new Kql.Comparison("matrix_account", ":", null),
            new Kql.Comparison("position", "<=", "20"));
    assertThat(Kql.parse("status : (blocked or \"login_required\") and not (kind : price)"))
        .containsExactly(
            new Kql.Comparison("status", ":", "blocked"),
            new Kql.Comparison("status", ":", "login_required"),
            new Kql.Comparison("kind", ":", "price"));
    assertThat(Kql.parse("keyword : \"a: b\" or title.raw:x*")).hasSize(2);
    assertThat(Kql.parse("  ")).isEmpty();
    assertThat(Kql.parse("羽绒服")).containsExactly(new Kql.Comparison(null, ":", "羽绒服"));
    assertThat(Kql.parse("kind : price drop or a : b"))
        .containsExactly(
            new Kql.Comparison("kind", ":", "price drop"), new Kql.Comparison("a", ":", "b"));
  }

  @Test
  void reportsWhereItBreaks() {
    assertThatThrownBy(() -> Kql.parse("status : (ok or"))
        .hasMessage("KQL syntax error at 16 in 'status : (ok or': expected a missing term");
    assertThatThrownBy(() -> Kql.parse("(status : ok"))
        .hasMessageContaining("expected a closing ')' at the end");
    assertThatThrownBy(() -> Kql.parse("keyword : \"open"))
        .hasMessageContaining("at 11")
        .hasMessageContaining("unterminated quoted value");
    assertThatThrownBy(() -> Kql.parse("position <= 2*")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> Kql.parse("status : ok and")).hasMessageContaining("missing term");
    assertThatThrownBy(() -> Kql.parse("status ok)")).hasMessageContaining("unexpected ')'");
    assertThatThrownBy(() -> Kql.parse("a:{b:c}")).hasMessageContaining("nested-field");
  }
}
