package com.mallrank.batch.broker;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.broker.*}: the local broker that {@code mallrank broker start} runs. Its address and
 * credentials are the clients' own, {@code spring.artemis.broker-url}, {@code spring.artemis.user}
 * and {@code spring.artemis.password}, so broker and clients cannot disagree.
 *
 * @param dir the broker's directory (distribution, instance, journal, pid file, log)
 * @param version the Artemis distribution version, resolved through Maven
 * @param startTimeout how long a start may take
 */
@ConfigurationProperties("batch.broker")
public record BrokerProperties(Path dir, String version, Duration startTimeout) {}
