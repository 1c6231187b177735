package com.mallrank.batch.sample;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slot-run promises with the default JobRepository: an H2 file shared via AUTO_SERVER. */
class H2SlotRunIT extends AbstractSlotRunIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    commonProperties(registry);
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:h2:file:" + dir().resolve("jobrepo/mallrank") + ";AUTO_SERVER=TRUE");
    registry.add("spring.datasource.username", () -> "sa");
    registry.add("spring.datasource.password", () -> "");
  }
}
