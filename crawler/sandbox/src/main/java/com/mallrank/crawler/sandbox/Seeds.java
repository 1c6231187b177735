package com.mallrank.crawler.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Stateless hashing: every "random" choice of the sandbox is a pure function of its inputs, so the
 * same (seed, keyword, slot, identity, product) always gives the same answer on every machine.
 */
final class Seeds {

  private Seeds() {}

  /** SplitMix64 finaliser: a well-mixed 64-bit value from any 64-bit input. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Hashes a string stably (FNV-1a over UTF-8, then mixed). */
  static long of(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** Combines several parts into one hash. */
  static long of(long seed, Object... parts) {
    long h = mix(seed);
    for (Object part : parts) {
      long p = part instanceof Number n ? mix(n.longValue()) : of(String.valueOf(part));
      h = mix(h * 31 + p);
    }
    return h;
  }

  /** A double in [0, 1) from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** An int in [0, bound) from a hash. */
  static int below(long hash, int bound) {
    return (int) Math.floorMod(hash, (long) bound);
  }
}
