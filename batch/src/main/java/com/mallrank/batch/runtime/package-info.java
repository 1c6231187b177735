/** What the application runs beside its jobs: the sandbox mall and the Elasticsearch connection. */
package com.mallrank.batch.runtime;
