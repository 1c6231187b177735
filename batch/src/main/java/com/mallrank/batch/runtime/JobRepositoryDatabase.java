package com.mallrank.batch.runtime;

import javax.sql.DataSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The JobRepository's database for a command that runs without Spring Boot's auto-configuration
 * (the lean context of {@code accounts login} and {@code accounts import}): reached from the same
 * {@code spring.datasource.*} keys, read by Spring Boot's own {@link DataSourceProperties}, as the
 * whole application reaches it; one connection at a time, no pool, for a statement or two.
 */
public final class JobRepositoryDatabase {

  private JobRepositoryDatabase() {}

  /** A data source on the database {@code spring.datasource.*} names. */
  public static DataSource of(Environment environment) {
    DataSourceProperties properties =
        Binder.get(environment).bindOrCreate("spring.datasource", DataSourceProperties.class);
    properties.setBeanClassLoader(JobRepositoryDatabase.class.getClassLoader());
    return properties.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
  }
}
