package com.mallrank.index.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root. When this JVM is root, the server runs as the system user
 * {@value #NAME}; this class creates that user, hands directories to it and builds the launch
 * command.
 */
final class ServerUser {

  static final String NAME = "mallrank-es";

  private ServerUser() {}

  /** Whether this JVM runs as root ({@code id -u} is 0, or user.name is root when id fails). */
  static boolean currentUserIsRoot() {
    try {
      Result id = run(List.of("id", "-u"));
      if (id.exitCode == 0) {
        return id.output.strip().equals("0");
      }
    } catch (IllegalStateException e) {
      // fall through to user.name
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** Creates the system user unless it exists. */
  static void ensureExists() {
    if (run(List.of("id", "-u", NAME)).exitCode == 0) {
      return;
    }
    Result created =
        run(
            List.of(
                "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME));
    // exit 9: created concurrently by someone else
    if (created.exitCode != 0 && created.exitCode != 9) {
      throw new IllegalStateException(
          "Could not create system user "
              + NAME
              + " (useradd exit "
              + created.exitCode
              + "): "
              + created.output);
    }
  }

  /** Whether the server user can traverse every directory down to and including {@code dir}. */
  static boolean canTraverse(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return false;
    }
    return run(asServerUser(List.of("test", "-x", existing.toString()))).exitCode == 0;
  }

  /** Gives the directory tree to the server user. */
  static void chown(Path dir) {
    Result result = run(List.of("chown", "-R", NAME + ":" + NAME, dir.toString()));
    if (result.exitCode != 0) {
      throw new IllegalStateException(
          "chown -R "
              + NAME
              + " "
              + dir
              + " failed (exit "
              + result.exitCode
              + "): "
              + result.output);
    }
  }

  /** Prefixes a command so that it runs as the server user. */
  static List<String> asServerUser(List<String> command) {
    List<String> wrapped = new ArrayList<>();
    wrapped.add("setpriv");
    wrapped.add("--reuid=" + NAME);
    wrapped.add("--regid=" + NAME);
    wrapped.add("--init-groups");
    wrapped.addAll(command);
    return wrapped;
  }

  record Result(int exitCode, String output) {}

  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted running " + String.join(" ", command), e);
    }
  }
}
