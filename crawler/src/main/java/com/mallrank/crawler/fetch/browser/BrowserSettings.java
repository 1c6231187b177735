package com.mallrank.crawler.fetch.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link PlaywrightFetcher} runs its browsers. Production takes every value from {@code
 * crawler.browser.*} and {@code crawler.max-page-size} ({@code application.yml}, the one home of
 * their defaults); the {@code with…} methods change one.
 *
 * @param executable the Chromium binary (Playwright downloads nothing)
 * @param headless whether to run without a window
 * @param recycleAfterPages an identity's browser context is closed and created afresh after this
 *     many pages (drops accumulated cookies set by the site, caches and leaked memory; a storage
 *     state file is re-read)
 * @param relaunchAfterPages the whole browser is relaunched after this many pages; 0 = never
 * @param emulation the device pretended
 * @param timeouts the bound of every wait
 * @param blockResources whether images, fonts and media are aborted before they leave the browser:
 *     by routing, and images already in Blink ({@value #NO_IMAGES_ARG}), which spares every image a
 *     round trip to the route handler
 * @param maxPageBytes the largest main document, and the largest sum of captured responses,
 *     accepted; bigger is a {@link com.mallrank.crawler.fetch.FetchException}
 * @param extraArgs Chromium switches added after {@link #BASE_ARGS}
 */
public record BrowserSettings(
    Path executable,
    boolean headless,
    int recycleAfterPages,
    int relaunchAfterPages,
    Emulation emulation,
    BrowserTimeouts timeouts,
    boolean blockResources,
    long maxPageBytes,
    List<String> extraArgs) {

  /**
   * Always passed: no sandbox (we run as root), no GPU, no QUIC, and none of Chromium's own
   * background traffic (which would flood a closed network with doomed requests).
   */
  public static final List<String> BASE_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  /** Added when {@link #blockResources()}: Blink does not even request images. */
  public static final String NO_IMAGES_ARG = "--blink-settings=imagesEnabled=false";

  public BrowserSettings {
    Objects.requireNonNull(executable, "executable");
    Objects.requireNonNull(emulation, "emulation");
    Objects.requireNonNull(timeouts, "timeouts");
    if (recycleAfterPages < 1) {
      throw new IllegalArgumentException("recycleAfterPages must be >= 1: " + recycleAfterPages);
    }
    if (relaunchAfterPages < 0) {
      throw new IllegalArgumentException("relaunchAfterPages must be >= 0: " + relaunchAfterPages);
    }
    if (maxPageBytes < 1) {
      throw new IllegalArgumentException("maxPageBytes must be positive: " + maxPageBytes);
    }
    extraArgs = List.copyOf(extraArgs);
  }

  /**
   * {@link #BASE_ARGS}, {@link #NO_IMAGES_ARG} when resources are blocked, then {@link
   * #extraArgs()}.
   */
  public List<String> launchArgs() {
    List<String> args = new java.util.ArrayList<>(BASE_ARGS);
    if (blockResources) {
      args.add(NO_IMAGES_ARG);
    }
    args.addAll(extraArgs);
    return List.copyOf(args);
  }

  public BrowserSettings withExecutable(Path value) {
    return with(c -> c.executable = value);
  }

  public BrowserSettings withRecycleAfterPages(int value) {
    return with(c -> c.recycleAfterPages = value);
  }

  public BrowserSettings withRelaunchAfterPages(int value) {
    return with(c -> c.relaunchAfterPages = value);
  }

  public BrowserSettings withEmulation(Emulation value) {
    return with(c -> c.emulation = value);
  }

  public BrowserSettings withTimeouts(BrowserTimeouts value) {
    return with(c -> c.timeouts = value);
  }

  public BrowserSettings withBlockResources(boolean value) {
    return with(c -> c.blockResources = value);
  }

  public BrowserSettings withMaxPageBytes(long value) {
    return with(c -> c.maxPageBytes = value);
  }

  /** These settings with one change: the one place a copy is made (and checked again). */
  private BrowserSettings with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new BrowserSettings(
        c.executable,
        headless,
        c.recycleAfterPages,
        c.relaunchAfterPages,
        c.emulation,
        c.timeouts,
        c.blockResources,
        c.maxPageBytes,
        extraArgs);
  }

  /** The components a {@code with…} may change, while it does. */
  private static final class Copy {
    private Path executable;
    private int recycleAfterPages;
    private int relaunchAfterPages;
    private Emulation emulation;
    private BrowserTimeouts timeouts;
    private boolean blockResources;
    private long maxPageBytes;

    private Copy(BrowserSettings from) {
      executable = from.executable;
      recycleAfterPages = from.recycleAfterPages;
      relaunchAfterPages = from.relaunchAfterPages;
      emulation = from.emulation;
      timeouts = from.timeouts;
      blockResources = from.blockResources;
      maxPageBytes = from.maxPageBytes;
    }
  }
}
