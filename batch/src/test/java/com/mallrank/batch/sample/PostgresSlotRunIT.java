package com.mallrank.batch.sample;

import com.mallrank.batch.testing.PostgresTestDatabase;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The slot-run promises with the production JobRepository, PostgreSQL (a schema of its own per
 * run). Skipped with a message when no PostgreSQL is configured locally; in CI ({@code CI=true})
 * that is a failure, since {@code .ci/run} starts one.
 */
class PostgresSlotRunIT extends AbstractSlotRunIT {

  private static final String SCHEMA =
      "t_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

  @BeforeAll
  static void postgres() {
    PostgresTestDatabase.assumeAvailable();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    commonProperties(registry);
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.urlWithSchema(SCHEMA));
    registry.add("spring.datasource.username", PostgresTestDatabase::user);
    registry.add("spring.datasource.password", PostgresTestDatabase::password);
  }
}
