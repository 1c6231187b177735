/**
 * Validating YAML reading, one approach for every configuration file (site profiles, plans): a
 * {@link com.mallrank.crawler.yaml.YamlTree} of nodes that keep their line, walked by a reader that
 * collects every {@link com.mallrank.crawler.yaml.ConfigProblem} (file, line, field, message) at
 * once instead of stopping at the first.
 */
package com.mallrank.crawler.yaml;
