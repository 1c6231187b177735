package com.mallrank.batch.budget;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.Plan;
import com.mallrank.crawler.politeness.RequestBudget;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** The request budgets of a plan, counted in the application's database. */
@Component
public record RequestBudgets(DataSource dataSource, BatchProperties properties) {

  /** The plan's budgets; a plan without any is not counted at all. */
  public RequestBudget of(Plan plan) {
    if (plan.budgets().isEmpty()) {
      return RequestBudget.UNLIMITED;
    }
    return new JdbcRequestBudget(
        dataSource, plan.budgets()::get, Clock.systemUTC(), properties.zone());
  }
}
