/**
 * {@code mallrank es start|stop|status}: the embedded local Elasticsearch as a service that keeps
 * running between commands, so each command reuses it instead of starting and stopping its own.
 */
package com.mallrank.batch.es;
