package com.mallrank.crawler.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Opens the bytes of one image. The SPI between {@link ImageFingerprinter} and the network.
 *
 * <p>Contract: returns the body of a successful response, unread; the caller reads at most its own
 * byte cap and closes the stream (closing early abandons the rest of the body). A failed exchange
 * (refused connection, timeout, non-2xx status) is an {@link IOException} whose message names the
 * URL without its query string. Implementations never log cookies or signatures.
 */
@FunctionalInterface
public interface ImageSource {

  InputStream open(URI url) throws IOException;
}
