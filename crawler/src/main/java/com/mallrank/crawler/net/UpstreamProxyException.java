package com.mallrank.crawler.net;

import java.io.IOException;

/**
 * An identity's own proxy could not be used (unreachable, refused the tunnel, asked for
 * credentials). The identity's sample is an error with this reason; nothing falls back to the
 * direct network. The message names the proxy by scheme, host and port only, never credentials.
 */
public final class UpstreamProxyException extends IOException {

  public UpstreamProxyException(String message) {
    super(message);
  }
}
