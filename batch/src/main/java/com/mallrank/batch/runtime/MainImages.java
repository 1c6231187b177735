package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.image.HttpImageSource;
import com.mallrank.crawler.image.ImageFingerprint;
import com.mallrank.crawler.image.ImageFingerprinter;
import com.mallrank.crawler.image.ImageSource;
import com.mallrank.crawler.image.PerceptualHash;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.write.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Adds main-image fingerprints to a sample's listings when {@code crawler.images.fingerprint} is
 * on: each picture is downloaded once per image key (size-capped, cached) and its 64-bit perceptual
 * hash stored as {@code image_hash}, so change detection tells a re-uploaded copy of the same
 * picture from a changed one. A picture is downloaded as the vantage that saw it: through that
 * account's own proxy when the plan gives it one ({@link BrowserRuntime#httpClients()}, the way its
 * pages went), never direct. Every download and each of its redirect hops passes the address guard
 * and the host throttle the samplers use; private addresses are refused, except for the image hosts
 * a local {@link Target} mirrors under its base URL ({@link Target#mirroredImageHosts}).
 */
@Component
public class MainImages implements DisposableBean {

  private static final Duration IMAGE_TIMEOUT = Duration.ofSeconds(20);

  private final CrawlerProperties properties;
  private final SamplerFactory samplers;
  private final BrowserRuntime network;
  private final Map<Source, ImageSource> sources = new ConcurrentHashMap<>();
  private ImageFingerprinter fingerprinter;

  /**
   * @param network each vantage's way out (its proxy)
   */
  public MainImages(CrawlerProperties properties, SamplerFactory samplers, BrowserRuntime network) {
    this.properties = properties;
    this.samplers = samplers;
    this.network = network;
  }

  /**
   * The snapshot with {@code image_hash} on every listing whose picture could be hashed.
   *
   * @param target the site the snapshot was sampled on (its host throttle, the image hosts it
   *     mirrors)
   */
  public Snapshot fingerprint(Snapshot snapshot, Target target) {
    if (!properties.images().fingerprint() || snapshot.listings().isEmpty()) {
      return snapshot;
    }
    ImageFingerprinter images = fingerprinter(target);
    ImageSource as = source(target, snapshot.sample().vantage());
    List<ListingDocument> listings =
        snapshot.listings().stream()
            .map(
                listing -> {
                  if (listing.imageUrl() == null) {
                    return listing;
                  }
                  ImageFingerprint print = images.fingerprint(listing.imageUrl(), as);
                  return print.hasHash()
                      ? listing.withImageHash(PerceptualHash.toHex(print.hash()))
                      : listing;
                })
            .toList();
    return new Snapshot(snapshot.sample(), listings);
  }

  /** The process's cache of fingerprints; every download goes through the vantage's source. */
  private synchronized ImageFingerprinter fingerprinter(Target target) {
    if (fingerprinter == null) {
      fingerprinter =
          new ImageFingerprinter(
              source(target, FetchRequest.ANONYMOUS),
              Math.toIntExact(properties.images().maxSize().toBytes()),
              ImageFingerprinter.DEFAULT_CACHE_SIZE);
    }
    return fingerprinter;
  }

  /**
   * Where the image bytes of a vantage come from: any public host, never a private address
   * (whatever {@code crawler.base-url} says), through the vantage's own proxy; the image hosts the
   * target mirrors, from its base URL (a private address only when the target allows its own).
   */
  ImageSource source(Target target, String vantage) {
    return sources.computeIfAbsent(
        new Source(target.name(), target.baseUrl(), vantage), s -> newSource(target, vantage));
  }

  /** One vantage's image source on one target. */
  private record Source(String target, String baseUrl, String vantage) {}

  private ImageSource newSource(Target target, String vantage) {
    HostThrottle throttle = samplers.throttle(target);
    HttpImageSource web =
        source(new Gate(new AddressGuard(List.of("*"), false), throttle), vantage);
    HttpImageSource mirror =
        target.mirroredImageHosts().isEmpty()
            ? null
            : source(
                new Gate(
                    new AddressGuard(List.of(target.host()), target.localAddresses()), throttle),
                vantage);
    return url ->
        mirror != null && target.mirrorsImagesOf(url)
            ? mirror.open(target.mirrored(url))
            : web.open(url);
  }

  private HttpImageSource source(Gate gate, String vantage) {
    return new HttpImageSource(
        gate,
        network.httpClients(),
        vantage,
        IMAGE_TIMEOUT,
        properties.userAgent(),
        properties.maxRedirects());
  }

  @Override
  public synchronized void destroy() {
    // the connections are the network's (BrowserRuntime closes them)
    sources.clear();
    fingerprinter = null;
  }
}
