/**
 * The message broker of remote partitioning: a launcher for the standalone ActiveMQ Artemis
 * distribution (resolved through Maven like the local Elasticsearch, started as its own process on
 * loopback) and the {@code mallrank broker start|stop|status} commands for one-host setups. The
 * launcher classes use no Spring, so tests start the broker from a plain JVM.
 */
package com.mallrank.batch.broker;
