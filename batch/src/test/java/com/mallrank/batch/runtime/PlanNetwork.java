package com.mallrank.batch.runtime;

import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A plan file's repository and the {@link BrowserRuntime} (each identity's network and login state)
 * on it, wired as the application wires them, without a Spring context: for tests.
 */
public record PlanNetwork(PlanRepository plans, BrowserRuntime network) {

  public static PlanNetwork of(CrawlerProperties properties, Path plan, Path accountsDir) {
    BatchProperties batch =
        ApplicationYaml.bind(
            "batch",
            BatchProperties.class,
            Map.of("batch.plan", plan.toString(), "batch.accounts-dir", accountsDir.toString()));
    PlanRepository plans = new PlanRepository(batch, new SiteProfileRegistry(properties));
    BrowserRuntime network =
        new BrowserRuntime(
            properties,
            batch,
            new StaticListableBeanFactory(Map.of("plans", plans))
                .getBeanProvider(PlanRepository.class));
    return new PlanNetwork(plans, network);
  }
}
