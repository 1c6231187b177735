package com.mallrank.batch.alert;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The alert beans: the {@link AlertDispatcher} on the application's DataSource. Nothing is created
 * or contacted at start-up; the dedupe table is created on first use.
 */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

  @Bean
  AlertDedupeStore alertDedupeStore(DataSource dataSource) {
    return new JdbcAlertDedupeStore(new JdbcTemplate(dataSource));
  }

  @Bean
  AlertDispatcher alertDispatcher(AlertProperties properties, AlertDedupeStore alertDedupeStore) {
    Clock clock = Clock.systemUTC();
    WebhookSender sender =
        new WebhookSender(
            WebhookSender.httpClient(properties.timeout()),
            properties.retry(),
            properties.timeout(),
            Sleeper.SYSTEM,
            clock);
    return new AlertDispatcher(
        properties, AlertRules.from(properties.rules()), alertDedupeStore, sender, clock);
  }
}
