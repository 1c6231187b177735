package com.mallrank.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution half of the launcher: where Maven keeps an archive, and unpacking it once. */
class DistributionTest {

  private static final Distribution SERVER =
      new Distribution(
          "org.example.servers:server:1.2.3:zip", "server-1.2.3.zip", "server-1.2.3", "bin/run");

  @TempDir Path tmp;

  @Test
  void theArchiveLiesUnderItsGroupArtifactAndVersion() {
    Distribution artemis =
        new Distribution(
            "org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin",
            "apache-artemis-2.40.0-bin.tar.gz",
            "apache-artemis-2.40.0",
            "bin/artemis");

    assertThat(artemis.in(Path.of("/repo")))
        .isEqualTo(
            Path.of(
                "/repo/org/apache/activemq/apache-artemis/2.40.0/apache-artemis-2.40.0-bin.tar.gz"));
  }

  @Test
  void anArchiveInTheLocalRepositoryIsTakenWithoutMaven() throws IOException {
    Path repository = tmp.resolve("m2");
    Path archive = SERVER.in(repository);
    Files.createDirectories(archive.getParent());
    Files.writeString(archive, "zip");
    String before = System.getProperty("maven.repo.local");
    System.setProperty("maven.repo.local", repository.toString());
    try {
      assertThat(SERVER.resolve()).isEqualTo(archive);
    } finally {
      if (before == null) {
        System.clearProperty("maven.repo.local");
      } else {
        System.setProperty("maven.repo.local", before);
      }
    }
  }

  @Test
  void aZipIsUnpackedOnceWithItsExecutableBitsAndNoStagingLeft() throws IOException {
    Path zip = tmp.resolve("server-1.2.3.zip");
    try (FileSystem fs =
        FileSystems.newFileSystem(
            URI.create("jar:" + zip.toUri()),
            Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
      Files.createDirectories(fs.getPath("/server-1.2.3/bin"));
      Files.writeString(fs.getPath("/server-1.2.3/bin/run"), "#!/bin/sh\necho started\n");
      Files.setPosixFilePermissions(
          fs.getPath("/server-1.2.3/bin/run"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createDirectories(fs.getPath("/server-1.2.3/config"));
      Files.writeString(fs.getPath("/server-1.2.3/config/server.yml"), "port: 1\n");
      Files.setPosixFilePermissions(
          fs.getPath("/server-1.2.3/config/server.yml"),
          PosixFilePermissions.fromString("rw-r--r--"));
    }
    Path parent = tmp.resolve("servers");

    Path home = SERVER.unpack(zip, parent);

    assertThat(home).isEqualTo(parent.resolve("server-1.2.3"));
    assertThat(Files.readString(home.resolve("bin/run"))).isEqualTo("#!/bin/sh\necho started\n");
    assertThat(Files.isExecutable(home.resolve("bin/run"))).isTrue();
    assertThat(Files.getPosixFilePermissions(home.resolve("config/server.yml")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.readString(home.resolve("config/server.yml"))).isEqualTo("port: 1\n");
    assertThat(children(parent)).containsExactly("server-1.2.3");

    Files.writeString(home.resolve("config/server.yml"), "port: 2\n");
    assertThat(SERVER.unpack(zip, parent)).isEqualTo(home);
    assertThat(Files.readString(home.resolve("config/server.yml")))
        .as("a complete tree is reused, not unpacked again")
        .isEqualTo("port: 2\n");
  }

  @Test
  void aTarGzIsUnpackedWithTar() throws IOException {
    Path source = tmp.resolve("source/broker-2.0/bin");
    Files.createDirectories(source);
    Files.writeString(source.resolve("broker"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        source.resolve("broker"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path archive = tmp.resolve("broker-2.0-bin.tar.gz");
    Processes.Result tar =
        Processes.run(
            List.of(
                "tar",
                "-czf",
                archive.toString(),
                "-C",
                tmp.resolve("source").toString(),
                "broker-2.0"),
            null,
            30);
    assertThat(tar.exitCode()).isZero();
    Distribution broker =
        new Distribution(
            "org.example:broker:2.0:tar.gz:bin",
            archive.getFileName().toString(),
            "broker-2.0",
            "bin/broker");

    Path home = broker.unpack(archive, tmp.resolve("brokers"));

    assertThat(Files.isExecutable(home.resolve("bin/broker"))).isTrue();
    assertThat(children(tmp.resolve("brokers"))).containsExactly("broker-2.0");
  }

  @Test
  void anArchiveWithoutTheExpectedTopDirectoryFailsAndLeavesNothing() throws IOException {
    Path zip = tmp.resolve("server-1.2.3.zip");
    writeZip(zip, "other-9/bin/run");
    Path parent = tmp.resolve("servers");

    assertThatThrownBy(() -> SERVER.unpack(zip, parent))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(zip + " does not contain the expected top-level directory server-1.2.3");
    assertThat(Files.exists(parent.resolve("server-1.2.3"))).isFalse();
  }

  @Test
  void aZipEntryOutsideItsDirectoryIsRefused() throws IOException {
    Path zip = tmp.resolve("server-1.2.3.zip");
    writeZip(zip, "server-1.2.3/bin/run", "../../escaped");
    Path parent = tmp.resolve("deep/servers");

    assertThatThrownBy(() -> SERVER.unpack(zip, parent))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Could not unpack " + zip + " into " + parent.resolve("server-1.2.3"))
        .cause()
        .hasMessageContaining("has a '.' or '..' element in its name");
    assertThat(Files.exists(tmp.resolve("deep/escaped"))).isFalse();
    assertThat(Files.exists(tmp.resolve("escaped"))).isFalse();
    assertThat(Files.exists(parent.resolve("server-1.2.3"))).isFalse();
  }

  private static void writeZip(Path zip, String... entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipOut = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zipOut.putNextEntry(new ZipEntry(entry));
        zipOut.write(entry.getBytes(StandardCharsets.UTF_8));
        zipOut.closeEntry();
      }
    }
  }

  private static List<String> children(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
