package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Holding a {@link Reports} costs no connection: the client is asked for only by a question. */
class ReportsTest {

  @Test
  void theClientIsAskedForOnlyWhenAQuestionRuns() {
    AtomicInteger asked = new AtomicInteger();
    Reports reports =
        new Reports(
            () -> {
              asked.incrementAndGet();
              throw new IllegalStateException("no Elasticsearch here");
            },
            new IndexNames("lazy"));

    Reports scoped = reports.onProfile("sandbox-static");
    assertThat(scoped.names().samplesAlias()).isEqualTo("lazy-samples");
    assertThat(asked).hasValue(0);

    assertThatThrownBy(() -> scoped.top20(Instant.EPOCH, "anonymous", List.of("k")))
        .hasMessage("no Elasticsearch here");
    assertThat(asked).hasValue(1);
  }

  @Test
  void aTop20QueryDropsDuplicateKeywordsAndReadsEmptyAsEveryKeyword() {
    assertThat(new Top20Query(Instant.EPOCH, "anonymous", List.of("b", "a", "b")).keywords())
        .containsExactly("b", "a");
    assertThat(new Top20Query(Instant.EPOCH, "anonymous", List.of()).keywords()).isNull();
    assertThatThrownBy(() -> new Top20Query(null, "anonymous", null)).hasMessage("slot");
  }

  @Test
  void aSideBySideQueryDropsDuplicatesReadsEmptyAsEveryVantageAndRefusesABlankVantage() {
    Top20VantagesQuery query =
        new Top20VantagesQuery(Instant.EPOCH, List.of("mx-b", "anonymous", "mx-b"), List.of());
    assertThat(query.vantages()).containsExactly("mx-b", "anonymous");
    assertThat(query.keywords()).isNull();
    assertThat(new Top20VantagesQuery(Instant.EPOCH, List.of(), null).vantages()).isNull();
    assertThatThrownBy(() -> new Top20VantagesQuery(Instant.EPOCH, List.of("mx-a", " "), null))
        .hasMessage("a vantage name is empty");
  }
}
