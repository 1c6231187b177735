/**
 * What the application runs beside its jobs: the {@link com.mallrank.batch.runtime.Target} it
 * samples ({@link com.mallrank.batch.runtime.Targets}), the samplers, browsers and main-image
 * downloads that sample it, the site profiles, the plan and the Elasticsearch connection.
 */
package com.mallrank.batch.runtime;
