package com.mallrank.crawler.politeness;

import java.io.IOException;

/** {@link AddressGuard} refused a URL. Its message names the URL (without query) and the rule. */
public class AddressRefusedException extends IOException {

  /** The rule a URL broke. */
  public enum Rule {
    /** Not http or https. */
    SCHEME,
    /** The URL has no host. */
    NO_HOST,
    /** The host is not on the profile's allow-list. */
    HOST_NOT_ALLOWED,
    /**
     * The host is or resolves to a loopback, private, link-local, multicast or reserved address.
     */
    PRIVATE_ADDRESS,
    /** The host does not resolve. */
    UNRESOLVED
  }

  private final String url;
  private final Rule rule;

  public AddressRefusedException(String url, Rule rule, String detail) {
    super("refused " + url + ": " + detail + " [" + rule + "]");
    this.url = url;
    this.rule = rule;
  }

  /** The refused URL, without its query string. */
  public String url() {
    return url;
  }

  public Rule rule() {
    return rule;
  }
}
