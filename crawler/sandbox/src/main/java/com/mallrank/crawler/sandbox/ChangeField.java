package com.mallrank.crawler.sandbox;

/** A listing field a competitor changes on the sandbox's schedule. */
public enum ChangeField {
  /** The shown price (yuan): alternates between list price and a promotion price. */
  PRICE,
  /** The commission (佣金) rate in percent. */
  COMMISSION,
  /** The main image (主图): a different picture, hence a different image key. */
  IMAGE,
  /** The title: a promotional marker is added or removed. */
  TITLE
}
