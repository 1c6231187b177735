package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.image.HttpImageSource;
import com.mallrank.crawler.image.ImageFingerprint;
import com.mallrank.crawler.image.ImageFingerprinter;
import com.mallrank.crawler.image.ImageSource;
import com.mallrank.crawler.image.PerceptualHash;
import com.mallrank.crawler.net.Connector;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Adds main-image fingerprints to a sample's listings when {@code crawler.images.fingerprint} is
 * on: each picture is downloaded once per image key (size-capped, cached) and its 64-bit perceptual
 * hash stored as {@code image_hash}, so change detection tells a re-uploaded copy of the same
 * picture from a changed one. Every download and each of its redirect hops passes the address guard
 * and the host throttle the samplers use; private addresses are refused, except for the image hosts
 * a local {@link Target} mirrors under its base URL ({@link Target#mirroredImageHosts}).
 */
@Component
public class MainImages implements DisposableBean {

  private static final Duration IMAGE_TIMEOUT = Duration.ofSeconds(20);

  private final CrawlerProperties properties;
  private final Targets targets;
  private final SamplerFactory samplers;
  private final List<HttpImageSource> sources = new ArrayList<>();
  private ImageSource source;
  private ImageFingerprinter fingerprinter;

  public MainImages(CrawlerProperties properties, Targets targets, SamplerFactory samplers) {
    this.properties = properties;
    this.targets = targets;
    this.samplers = samplers;
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
      fingerprinter =
          new ImageFingerprinter(
              source(),
              Math.toIntExact(properties.images().maxSize().toBytes()),
              ImageFingerprinter.DEFAULT_CACHE_SIZE);
    }
    return fingerprinter;
  }

  /**
   * Where image bytes come from: any public host, never a private address (whatever {@code
   * crawler.base-url} says); the image hosts the target mirrors, from its base URL (a private
   * address only when the target allows its own).
   */
  synchronized ImageSource source() {
    if (source == null) {
      Target target = targets.target();
      HostThrottle throttle = samplers.throttle(target);
      HttpImageSource web = source(new Gate(new AddressGuard(List.of("*"), false), throttle));
      HttpImageSource mirror =
          target.mirroredImageHosts().isEmpty()
              ? null
              : source(
                  new Gate(
                      new AddressGuard(List.of(target.host()), target.localAddresses()), throttle));
      source =
          url ->
              mirror != null && target.mirrorsImagesOf(url)
                  ? mirror.open(target.mirrored(url))
                  : web.open(url);
    }
    return source;
  }

  private HttpImageSource source(Gate gate) {
    try {
      HttpImageSource source =
          new HttpImageSource(
              gate,
              Connector.direct(),
              IMAGE_TIMEOUT,
              properties.userAgent(),
              properties.maxRedirects());
      sources.add(source);
      return source;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the image downloads' guard proxy", e);
    }
  }

  @Override
  public synchronized void destroy() {
    sources.forEach(HttpImageSource::close);
    sources.clear();
    source = null;
    fingerprinter = null;
  }
}
