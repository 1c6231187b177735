/**
 * What the jobs and commands run on: the Elasticsearch clients per role and the schema ({@link
 * com.mallrank.batch.runtime.ElasticsearchRuntime}), the samplers and fetchers of a run ({@link
 * com.mallrank.batch.runtime.SamplerFactory}, {@link com.mallrank.batch.runtime.BrowserRuntime}),
 * site profiles, the plan, accounts' login states and cookies, main-image fingerprints, the one
 * {@code Reports} bean, and the sandbox mall for the demo.
 */
package com.mallrank.batch.runtime;
