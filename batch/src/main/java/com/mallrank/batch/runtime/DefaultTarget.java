package com.mallrank.batch.runtime;

/**
 * The target sampled when {@code crawler.base-url} is blank: a site on this machine that a bean
 * outside the production paths provides (the demo wiring's simulated mall). Without such a bean a
 * blank base URL is a start-up error naming the key.
 */
@FunctionalInterface
public interface DefaultTarget {

  /** The target, its site started now if needed. */
  Target target();
}
