/**
 * The message broker of remote partitioning for one-host setups: the {@code mallrank broker
 * start|stop|status} commands and their settings ({@code batch.broker.*}, {@code
 * spring.artemis.*}); the broker itself is started by the local-servers launcher ({@code
 * com.mallrank.local.artemis}, module {@code index/local}).
 */
package com.mallrank.batch.broker;
