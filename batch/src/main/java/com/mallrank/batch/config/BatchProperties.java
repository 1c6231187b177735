package com.mallrank.batch.config;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code batch.*}: what is sampled and how jobs run.
 *
 * @param plan the keyword plan: groups, keywords, vantages and matrix accounts (YAML)
 * @param zone the time zone slots are written and shown in (Douyin races by Beijing hour)
 * @param chunkSize how many samples are written to Elasticsearch per bulk request
 */
@ConfigurationProperties("batch")
public record BatchProperties(
    @DefaultValue("config/sandbox-plan.yml") Path plan,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("10") int chunkSize) {}
