package com.mallrank.batch.runtime;

import com.mallrank.crawler.sampler.SamplerSettings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * The site a process samples, in one value: every difference between a real site and a simulated
 * one on this machine is a field here, never a flag in the code that samples.
 *
 * @param name what the site is called in messages, e.g. {@code crawler.base-url}
 * @param baseUrl the value of {@code {base}} in profile URL templates
 * @param politeness how its hosts are paced and retried
 * @param localAddresses whether the base URL's host may be a loopback or private address (a site
 *     served on this machine); a real site's may not
 * @param mirroredImageHosts image hosts (exact names or {@code *.suffix}) whose pictures the site
 *     serves itself under its base URL (a simulated CDN); empty for a real site, whose images come
 *     from their own public hosts
 * @param identityCookie the cookie, scoped to the base URL's host, that names a vantage searching
 *     without a saved login state (its value is the vantage id); {@code null}: such a vantage sends
 *     no cookie (a real site knows an account only by its login state)
 * @param scanAs how a QR login's link is completed by hand as an account (link, account id to the
 *     URL to open), on a site with no phone app to scan with; {@code null}: a phone scans
 */
public record Target(
    String name,
    String baseUrl,
    SamplerSettings politeness,
    boolean localAddresses,
    List<String> mirroredImageHosts,
    String identityCookie,
    BinaryOperator<String> scanAs) {

  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(politeness, "politeness");
    mirroredImageHosts = List.copyOf(mirroredImageHosts);
  }

  /**
   * A real site: paced with {@code politeness}, public addresses only, images from their own hosts,
   * accounts known by their login states.
   */
  public static Target site(String baseUrl, SamplerSettings politeness) {
    return new Target("crawler.base-url", baseUrl, politeness, false, List.of(), null, null);
  }

  /** The base URL's host. */
  public String host() {
    return URI.create(baseUrl).getHost();
  }

  /** Whether {@code url}'s host is one whose pictures the site serves itself. */
  public boolean mirrorsImagesOf(URI url) {
    String host = url.getHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return mirroredImageHosts.stream()
        .anyMatch(p -> p.startsWith("*.") ? h.endsWith(p.substring(1)) : h.equals(p));
  }

  /** {@code url}'s path and query under the base URL, where the site serves a mirrored image. */
  public URI mirrored(URI url) {
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    return URI.create(baseUrl + url.getRawPath() + query);
  }
}
