package com.mallrank.batch.runtime;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanLoader;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** The keyword plan of {@code batch.plan}, read and validated on each use (it may be edited). */
@Component
public record PlanRepository(BatchProperties properties, SiteProfileRegistry profiles) {

  /**
   * The current plan.
   *
   * @throws com.mallrank.batch.plan.PlanException listing every problem with file, line and field
   */
  public Plan plan() {
    return plan(List.of());
  }

  /**
   * The current plan as if its {@code keyword-files} also listed {@code extraKeywordFiles}: checks
   * keyword lists before they are added to the plan.
   *
   * @throws com.mallrank.batch.plan.PlanException listing every problem with file, line and field
   */
  public Plan plan(List<Path> extraKeywordFiles) {
    return new PlanLoader(profiles::exists, properties.zone()).load(file(), extraKeywordFiles);
  }

  /** The plan file, {@code batch.plan}. */
  public Path file() {
    return properties.plan();
  }
}
