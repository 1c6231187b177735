package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.image.HttpImageSource;
import com.mallrank.crawler.image.ImageFingerprint;
import com.mallrank.crawler.image.ImageFingerprinter;
import com.mallrank.crawler.image.ImageSource;
import com.mallrank.crawler.image.PerceptualHash;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Adds main-image fingerprints to a sample's listings when {@code crawler.images.fingerprint} is
 * on: each picture is downloaded once per image key (size-capped, cached) and its 64-bit perceptual
 * hash stored as {@code image_hash}, so change detection tells a re-uploaded copy of the same
 * picture from a changed one. Image hosts pass the address guard (private addresses only for the
 * sandbox); the sandbox's simulated CDN ({@code *.sandbox-img.test}) is answered by the sandbox
 * mall itself.
 */
@Component
public class MainImages {

  private static final String SANDBOX_CDN = ".sandbox-img.test";

  private final CrawlerProperties properties;
  private final SandboxRuntime sandbox;
  private ImageFingerprinter fingerprinter;

  public MainImages(CrawlerProperties properties, SandboxRuntime sandbox) {
    this.properties = properties;
    this.sandbox = sandbox;
  }

  /** The snapshot with {@code image_hash} on every listing whose picture could be hashed. */
  public Snapshot fingerprint(Snapshot snapshot) {
    if (!properties.images().fingerprint() || snapshot.listings().isEmpty()) {
      return snapshot;
    }
    ImageFingerprinter images = fingerprinter();
    List<ListingDocument> listings =
        snapshot.listings().stream()
            .map(
                listing -> {
                  if (listing.imageUrl() == null) {
                    return listing;
                  }
                  ImageFingerprint print = images.fingerprint(listing.imageUrl());
                  return print.hasHash()
                      ? listing.withImageHash(PerceptualHash.toHex(print.hash()))
                      : listing;
                })
            .toList();
    return new Snapshot(snapshot.sample(), listings);
  }

  private synchronized ImageFingerprinter fingerprinter() {
    if (fingerprinter == null) {
      HttpImageSource http = HttpImageSource.withDefaults(properties.userAgent());
      boolean viaSandbox = sandbox.usesSandbox();
      AddressGuard guard = new AddressGuard(List.of("*"), viaSandbox);
      ImageSource source =
          new ImageSource() {
            @Override
            public InputStream open(URI url) throws IOException {
              URI target = viaSandbox ? sandboxed(url) : url;
              guard.check(target);
              return http.open(target);
            }
          };
      fingerprinter =
          new ImageFingerprinter(
              source,
              Math.toIntExact(properties.images().maxSize().toBytes()),
              ImageFingerprinter.DEFAULT_CACHE_SIZE);
    }
    return fingerprinter;
  }

  /** The sandbox mall answers for its simulated CDN hosts. */
  private URI sandboxed(URI url) {
    String host = url.getHost();
    if (host == null || !host.endsWith(SANDBOX_CDN)) {
      return url;
    }
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return URI.create(sandbox.baseUrl() + url.getRawPath() + query);
  }
}
