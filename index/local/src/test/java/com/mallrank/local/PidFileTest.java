package com.mallrank.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pid file of a local server: a live JVM is stopped, a dead or reused pid is stale (the file
 * removed, nothing signalled).
 */
class PidFileTest {

  @TempDir Path tmp;

  @Test
  void noFileOrNoNumberIsNoServer() throws IOException {
    PidFile pidFile = new PidFile(tmp.resolve("server.pid"), "Server");
    assertThat(pidFile.read()).isEmpty();
    assertThat(pidFile.stop()).isFalse();

    Files.writeString(pidFile.path(), "not a pid\n");
    assertThat(pidFile.read()).isEmpty();
    assertThat(pidFile.alive()).isEmpty();
  }

  @Test
  void aDeadProcessIsStaleAndItsFileRemoved() throws Exception {
    Process done = new ProcessBuilder("true").start();
    assertThat(done.waitFor(10, TimeUnit.SECONDS)).isTrue();
    PidFile pidFile = new PidFile(tmp.resolve("server.pid"), "Server");
    pidFile.write(done.pid());

    assertThat(pidFile.read()).hasValue(done.pid());
    assertThat(pidFile.alive()).isEmpty();
    assertThat(pidFile.stop()).isFalse();
    assertThat(Files.exists(pidFile.path())).isFalse();
  }

  @Test
  void aLiveProcessThatIsNotAJvmIsNeverSignalled() throws Exception {
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      PidFile pidFile = new PidFile(tmp.resolve("server.pid"), "Server");
      pidFile.write(other.pid());

      assertThat(pidFile.alive()).hasValue(other.pid());
      assertThat(pidFile.stop()).isFalse();
      assertThat(other.isAlive()).as("a reused pid is left alone").isTrue();
      assertThat(Files.exists(pidFile.path())).isFalse();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void aLiveJvmIsStoppedWithSigtermAndItsFileRemoved() throws Exception {
    Path source = tmp.resolve("Sleeper.java");
    Files.writeString(
        source,
        "class Sleeper { public static void main(String[] a) throws Exception {"
            + " System.out.println(\"up\"); Thread.sleep(120_000); } }");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server =
        new ProcessBuilder(java.toString(), "-Xshare:auto", source.toString())
            .redirectErrorStream(true)
            .start();
    try {
      assertThat(new String(server.getInputStream().readNBytes(2))).isEqualTo("up");
      PidFile pidFile = new PidFile(tmp.resolve("server.pid"), "Server");
      pidFile.write(server.pid());
      long start = System.nanoTime();

      assertThat(pidFile.stop()).isTrue();

      assertThat(server.waitFor(1, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).as("SIGTERM: 128 + 15").isEqualTo(143);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
          .as("stopped by SIGTERM, not after the SIGKILL timeout")
          .isLessThan(PidFile.STOP_SECONDS);
      assertThat(Files.exists(pidFile.path())).isFalse();
    } finally {
      server.destroyForcibly();
    }
  }
}
