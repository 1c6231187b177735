package com.mallrank.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class NeedsLoginTest {

  private static final Instant AT = Instant.parse("2026-12-07T06:10:00Z");

  /** A shared store that counts what it is asked. */
  private static final class CountingMarks implements NeedsLogin.Marks {
    final Map<String, NeedsLogin.Mark> marks = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public void putIfAbsent(String identity, NeedsLogin.Mark mark) {
      calls.add("put " + identity);
      marks.putIfAbsent(identity, mark);
    }

    @Override
    public Optional<NeedsLogin.Mark> get(String identity) {
      calls.add("get " + identity);
      return Optional.ofNullable(marks.get(identity));
    }
  }

  @Test
  void inMemoryTheFirstMarkIsKept() {
    NeedsLogin needsLogin = new NeedsLogin();
    needsLogin.mark("mx-a", AT);
    needsLogin.mark("mx-a", AT.plusSeconds(60), "its login state is missing");

    assertThat(needsLogin.of("mx-a"))
        .contains(new NeedsLogin.Mark(AT, "login wall at 2026-12-07T06:10:00Z"));
    assertThat(needsLogin.since("mx-a")).contains(AT);
    assertThat(needsLogin.of("mx-b")).isEmpty();
  }

  @Test
  void twoInstancesOnOneStoreSeeEachOthersMarksAndAMarkTakenBackByANewLogin() {
    CountingMarks store = new CountingMarks();
    NeedsLogin one = new NeedsLogin(store);
    NeedsLogin two = new NeedsLogin(store);

    assertThat(two.of("mx-a")).isEmpty();
    one.mark("mx-a", AT);
    two.mark("mx-a", AT.plusSeconds(5), "a later reason");
    assertThat(two.of("mx-a"))
        .contains(new NeedsLogin.Mark(AT, "login wall at 2026-12-07T06:10:00Z"));
    // a new login deletes the mark from the store (batch: accounts login): seen at once
    store.marks.remove("mx-a");
    assertThat(two.of("mx-a")).isEmpty();
    assertThat(one.of("mx-a")).isEmpty();
    // and a login wall met again marks it again
    two.mark("mx-a", AT.plusSeconds(90));
    assertThat(one.of("mx-a"))
        .contains(new NeedsLogin.Mark(AT.plusSeconds(90), "login wall at 2026-12-07T06:11:30Z"));

    assertThat(store.calls)
        .containsExactly(
            "get mx-a", // of: none
            "get mx-a", // mark: none yet
            "put mx-a",
            "get mx-a", // mark: marked, not sent
            "get mx-a", // of
            "get mx-a", // of, after the new login
            "get mx-a",
            "get mx-a", // mark: none
            "put mx-a",
            "get mx-a");
  }
}
