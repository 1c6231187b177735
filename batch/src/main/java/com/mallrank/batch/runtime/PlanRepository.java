package com.mallrank.batch.runtime;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanLoader;
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
    return new PlanLoader(profiles::exists, properties.zone()).load(properties.plan());
  }
}
