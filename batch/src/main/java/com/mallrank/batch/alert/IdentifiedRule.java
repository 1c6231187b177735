package com.mallrank.batch.alert;

/** A rule whose id is given once, at construction: the one place {@link #id()} is answered. */
abstract class IdentifiedRule implements AlertRule {

  private final String id;

  IdentifiedRule(String id) {
    this.id = id;
  }

  @Override
  public final String id() {
    return id;
  }
}
