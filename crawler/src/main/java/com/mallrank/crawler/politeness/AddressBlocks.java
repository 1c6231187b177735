package com.mallrank.crawler.politeness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The special-purpose address blocks mallrank never fetches from, read once from the data file
 * {@value #RESOURCE} (the IANA IPv4 and IPv6 Special-Purpose Address Registries, with their names
 * and references). Kept as data so a registry update is a one-line change reviewed against its
 * source, not a new branch in code.
 *
 * <p>The most specific block containing an address decides: {@code refuse}, or {@code ipv4-last32}
 * (IPv4-mapped, IPv4-compatible and well-known-prefix NAT64 addresses are judged by the IPv4
 * address in their last 32 bits).
 */
final class AddressBlocks {

  static final String RESOURCE = "/mallrank/net/special-purpose-addresses.tsv";

  /** What a block means for an address inside it. */
  enum Verdict {
    REFUSE,
    IPV4_LAST32
  }

  /** One registry entry. */
  record Block(byte[] network, int prefixLength, Verdict verdict, String name, String reference) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixLength / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /** Most specific first. */
  private static final List<Block> BLOCKS = load();

  private AddressBlocks() {}

  /** The most specific block containing the address, or {@code null} when it is public. */
  static Block of(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Block block : BLOCKS) {
      if (block.contains(bytes)) {
        return block;
      }
    }
    return null;
  }

  static List<Block> all() {
    return BLOCKS;
  }

  private static List<Block> load() {
    List<Block> blocks = new ArrayList<>();
    try (InputStream in = AddressBlocks.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        blocks.add(parse(line, number));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    blocks.sort(Comparator.comparingInt(Block::prefixLength).reversed());
    return List.copyOf(blocks);
  }

  static Block parse(String line, int number) {
    String[] cells = line.split("\t");
    if (cells.length != 4) {
      throw bad(number, "expected 4 tab-separated columns, found " + cells.length);
    }
    String cidr = cells[0].strip();
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw bad(number, "block " + cidr + " has no /prefix-length");
    }
    String literal = cidr.substring(0, slash);
    if (!literal.contains(":") && !literal.matches("[0-9.]+")) {
      throw bad(number, "block " + cidr + " is not an address literal");
    }
    byte[] network;
    try {
      // A literal: getByName does no lookup.
      network = InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw bad(number, "block " + cidr + " is not an address literal");
    }
    if (literal.contains(":") && network.length == 4) {
      // The JDK turns ::ffff:a.b.c.d into an Inet4Address; the block is the IPv6 one.
      byte[] v6 = new byte[16];
      v6[10] = (byte) 0xff;
      v6[11] = (byte) 0xff;
      System.arraycopy(network, 0, v6, 12, 4);
      network = v6;
    }
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw bad(number, "bad prefix length in " + cidr);
    }
    if (prefix < 0 || prefix > network.length * 8) {
      throw bad(number, "prefix length out of range in " + cidr);
    }
    Verdict verdict =
        switch (cells[1].strip()) {
          case "refuse" -> Verdict.REFUSE;
          case "ipv4-last32" -> Verdict.IPV4_LAST32;
          default -> throw bad(number, "unknown verdict '" + cells[1].strip() + "'");
        };
    String name = cells[2].strip();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1);
    }
    return new Block(network, prefix, verdict, name, cells[3].strip());
  }

  private static IllegalStateException bad(int line, String detail) {
    return new IllegalStateException(RESOURCE + ":" + line + ": " + detail);
  }
}
