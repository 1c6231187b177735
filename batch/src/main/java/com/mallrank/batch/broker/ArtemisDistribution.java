package com.mallrank.batch.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Artemis distribution ({@code apache-artemis-<version>-bin.tar.gz}) in the local Maven
 * repository, fetched with Maven when absent (the way the local Elasticsearch's zip is), and
 * unpacked once.
 */
final class ArtemisDistribution {

  private static final long MAVEN_TIMEOUT_MINUTES = 15;

  private ArtemisDistribution() {}

  static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  static Path archiveIn(Path repository, String version) {
    return repository.resolve(
        Path.of(
            "org",
            "apache",
            "activemq",
            "apache-artemis",
            version,
            "apache-artemis-" + version + "-bin.tar.gz"));
  }

  /** The archive, fetched through Maven when the local repository does not have it. */
  static Path resolve(ArtemisSettings settings) {
    Path repository = localRepository();
    Path archive = archiveIn(repository, settings.version());
    if (Files.isRegularFile(archive)) {
      return archive;
    }
    List<String> command = new ArrayList<>(mavenCommand());
    command.addAll(
        List.of(
            "-B",
            "-q",
            "dependency:get",
            "-Dartifact=" + settings.artifact(),
            "-Dtransitive=false"));
    if (System.getProperty("maven.repo.local") != null) {
      command.add("-Dmaven.repo.local=" + repository);
    }
    Processes.Result result = Processes.run(command, null, TimeUnit.MINUTES.toSeconds(15));
    if (result.exitCode() != 0 || !Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "Could not fetch "
              + settings.artifact()
              + " with Maven (exit "
              + result.exitCode()
              + "); expected "
              + archive
              + ". Maven said:\n"
              + result.tail(30));
    }
    return archive;
  }

  static List<String> mavenCommand() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path wrapper = dir.resolve("mvnw");
      if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
        return List.of(wrapper.toString());
      }
    }
    return List.of("mvn");
  }

  /**
   * Unpacks the archive into {@code parent/apache-artemis-<version>} unless already there; into a
   * staging sibling first, renamed at the end, so a half-unpacked tree is never used.
   */
  static Path unpack(Path archive, Path parent, String version) {
    Path home = parent.resolve("apache-artemis-" + version);
    if (Files.isRegularFile(home.resolve("bin").resolve("artemis"))) {
      return home;
    }
    Path staging = parent.resolve(".unpack-" + version + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(staging);
      Processes.Result result =
          Processes.run(
              List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()),
              null,
              MAVEN_TIMEOUT_MINUTES * 60);
      Path unpacked = staging.resolve("apache-artemis-" + version);
      if (result.exitCode() != 0 || !Files.isDirectory(unpacked)) {
        throw new IllegalStateException(
            "Could not unpack " + archive + " (exit " + result.exitCode() + "): " + result.tail(5));
      }
      Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
      Processes.deleteRecursively(staging);
      return home;
    } catch (IOException e) {
      throw new IllegalStateException("Could not unpack " + archive + " into " + home, e);
    }
  }
}
