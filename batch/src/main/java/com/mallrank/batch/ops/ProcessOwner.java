package com.mallrank.batch.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who runs a job execution: {@code host:pid}, stored as a non-identifying job parameter so that a
 * later process can tell an execution left running by a killed process from one that another live
 * process is running right now.
 *
 * @param host the host name
 * @param pid the process id
 */
public record ProcessOwner(String host, long pid) {

  /** The job parameter that holds the owner. */
  public static final String PARAMETER = "owner";

  private static final ProcessOwner CURRENT =
      new ProcessOwner(hostName(), ProcessHandle.current().pid());

  /** This process. */
  public static ProcessOwner current() {
    return CURRENT;
  }

  /** Reads {@code host:pid}; empty when absent or malformed (executions of older versions). */
  public static Optional<ProcessOwner> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int colon = text.lastIndexOf(':');
    try {
      return Optional.of(
          new ProcessOwner(text.substring(0, colon), Long.parseLong(text.substring(colon + 1))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether this owner is a process of this host that no longer runs. */
  public boolean isDeadLocalProcess() {
    return host.equals(CURRENT.host) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /** Whether this owner is a process on this host. */
  public boolean isLocal() {
    return host.equals(CURRENT.host);
  }

  @Override
  public String toString() {
    return host + ":" + pid;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
