/**
 * The standalone ActiveMQ Artemis broker of remote partitioning on loopback: its distribution
 * (resolved through Maven), the broker instance ({@code artemis create}) and its process, started
 * and stopped by the launcher of {@code com.mallrank.local}. No Spring: tests start the broker from
 * a plain JVM, and {@code mallrank broker start|stop|status} from the application.
 */
package com.mallrank.local.artemis;
