package com.mallrank.index.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the server zip in the local Maven repository (downloading it with Maven if needed). */
final class ElasticsearchDistribution {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);
  private static final long MAVEN_TIMEOUT_MINUTES = 15;

  private ElasticsearchDistribution() {}

  /**
   * The local Maven repository: system property {@code maven.repo.local}, else ~/.m2/repository.
   */
  static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  static Path zipInRepository(Path repository, String version) {
    return repository.resolve(
        Path.of(
            "org",
            "elasticsearch",
            "distribution",
            "integ-test-zip",
            "elasticsearch",
            version,
            "elasticsearch-" + version + ".zip"));
  }

  /** The server zip, fetched through Maven when the local repository does not have it. */
  static synchronized Path resolveZip(LocalElasticsearchSettings settings) {
    Path repository = localRepository();
    Path zip = zipInRepository(repository, settings.version());
    if (Files.isRegularFile(zip)) {
      return zip;
    }
    log.info("{} not in {}; fetching it with Maven", settings.artifact(), repository);
    List<String> command = new ArrayList<>(mavenCommand());
    command.add("-B");
    command.add("-q");
    command.add("dependency:get");
    command.add("-Dartifact=" + settings.artifact());
    command.add("-Dtransitive=false");
    if (System.getProperty("maven.repo.local") != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    Path output;
    try {
      output = Files.createTempFile("mallrank-es-maven", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Maven did not fetch "
                + settings.artifact()
                + " within "
                + MAVEN_TIMEOUT_MINUTES
                + " min");
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(zip)) {
        throw new IllegalStateException(
            "Could not fetch "
                + settings.artifact()
                + " with "
                + String.join(" ", command)
                + " (exit "
                + process.exitValue()
                + "); expected "
                + zip
                + ". Maven said:\n"
                + Logs.tail(output, 40));
      }
      Files.deleteIfExists(output);
      return zip;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not run Maven to fetch "
              + settings.artifact()
              + " ("
              + e.getMessage()
              + "). Put the zip at "
              + zip
              + " or make mvnw/mvn available.",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while fetching " + settings.artifact(), e);
    }
  }

  /** {@code mvnw} found by walking up from the working directory, else {@code mvn} on the PATH. */
  static List<String> mavenCommand() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path wrapper = dir.resolve("mvnw");
      if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
        return List.of(wrapper.toString());
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String entry : path.split(java.io.File.pathSeparator)) {
        Path mvn = Path.of(entry, "mvn");
        if (Files.isRegularFile(mvn) && Files.isExecutable(mvn)) {
          return List.of(mvn.toString());
        }
      }
    }
    throw new IllegalStateException(
        "Neither mvnw (searched upwards from "
            + Path.of("").toAbsolutePath()
            + ") nor mvn on the PATH was found; cannot fetch the Elasticsearch distribution."
            + " Install Maven or put the zip into the local Maven repository.");
  }

  /**
   * Unpacks the zip into {@code parent/elasticsearch-<version>} unless already there. Unpacks into
   * a temporary sibling first and renames it, so a half-unpacked tree is never reused.
   * Synchronised: the nodes of a cluster unpack side by side, and a JVM opens a zip file system
   * only once at a time.
   */
  static synchronized Path unpack(Path zip, Path parent, String version) {
    Path home = parent.resolve("elasticsearch-" + version);
    if (Files.isRegularFile(home.resolve("bin").resolve("elasticsearch"))) {
      return home;
    }
    Path staging = parent.resolve(".unpack-" + version + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(parent);
      Logs.deleteRecursively(staging);
      log.info("Unpacking {} into {}", zip, home);
      try (FileSystem zipFs =
          FileSystems.newFileSystem(
              URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
        Path root = zipFs.getPath("/");
        try (Stream<Path> entries = Files.walk(root)) {
          for (Path entry : (Iterable<Path>) entries::iterator) {
            Path target = staging.resolve(root.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
              Files.createDirectories(target);
            } else {
              Files.createDirectories(target.getParent());
              Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
              copyPermissions(entry, target);
            }
          }
        }
      }
      Path unpacked = staging.resolve("elasticsearch-" + version);
      if (!Files.isDirectory(unpacked)) {
        throw new IllegalStateException(
            zip + " does not contain the expected top-level directory elasticsearch-" + version);
      }
      Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
      Logs.deleteRecursively(staging);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack " + zip + " into " + home, e);
    }
  }

  private static void copyPermissions(Path entry, Path target) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(entry, PosixFileAttributeView.class);
    Set<PosixFilePermission> permissions = null;
    if (view != null) {
      try {
        permissions = view.readAttributes().permissions();
      } catch (UnsupportedOperationException | IOException e) {
        permissions = null;
      }
    }
    boolean executable =
        permissions != null
            ? permissions.contains(PosixFilePermission.OWNER_EXECUTE)
            : target.getParent().getFileName().toString().equals("bin");
    if (executable) {
      target.toFile().setExecutable(true, false);
    }
  }
}
