package com.mallrank.local;

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

/**
 * A server distribution in the local Maven repository — fetched with Maven ({@code dependency:get})
 * when absent — unpacked once per server directory: into a staging sibling first, renamed at the
 * end, so a half-unpacked tree is never used. A {@code .zip} is unpacked in this JVM (executable
 * bits kept), a {@code .tar.gz} with {@code tar}.
 *
 * @param artifact the Maven coordinates, {@code group:artifact:version:type[:classifier]}
 * @param file the archive's file name in the repository
 * @param topDirectory the one directory the archive holds, e.g. {@code elasticsearch-8.19.7}
 * @param executable the launcher inside it, relative to the top directory: a tree with it is
 *     complete
 */
public record Distribution(String artifact, String file, String topDirectory, String executable) {

  private static final Logger log = LoggerFactory.getLogger(Distribution.class);
  private static final long MAVEN_TIMEOUT_SECONDS = TimeUnit.MINUTES.toSeconds(15);

  /**
   * The local Maven repository: system property {@code maven.repo.local}, else ~/.m2/repository.
   */
  public static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Where the archive lies in a Maven repository. */
  public Path in(Path repository) {
    String[] parts = artifact.split(":");
    Path path = repository;
    for (String group : parts[0].split("\\.")) {
      path = path.resolve(group);
    }
    return path.resolve(parts[1]).resolve(parts[2]).resolve(file);
  }

  /** The archive, fetched through Maven when the local repository does not have it. */
  public Path resolve() {
    synchronized (Distribution.class) {
      Path repository = localRepository();
      Path archive = in(repository);
      if (Files.isRegularFile(archive)) {
        return archive;
      }
      log.info("{} not in {}; fetching it with Maven", artifact, repository);
      List<String> command = new ArrayList<>(mavenCommand());
      command.addAll(
          List.of("-B", "-q", "dependency:get", "-Dartifact=" + artifact, "-Dtransitive=false"));
      if (System.getProperty("maven.repo.local") != null) {
        command.add("-Dmaven.repo.local=" + repository);
      }
      Processes.Result result;
      try {
        result = Processes.run(command, null, MAVEN_TIMEOUT_SECONDS);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "Could not fetch "
                + artifact
                + " ("
                + e.getMessage()
                + "). Put the archive at "
                + archive
                + " or make mvnw/mvn available.",
            e);
      }
      if (result.exitCode() != 0 || !Files.isRegularFile(archive)) {
        throw new IllegalStateException(
            "Could not fetch "
                + artifact
                + " with "
                + String.join(" ", command)
                + " (exit "
                + result.exitCode()
                + "); expected "
                + archive
                + ". Maven said:\n"
                + result.tail(40));
      }
      return archive;
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
            + ") nor mvn on the PATH was found; cannot fetch a server distribution."
            + " Install Maven or put the archive into the local Maven repository.");
  }

  /**
   * Unpacks the archive into {@code parent/<topDirectory>} unless a complete tree is there. A zip
   * with an entry that would land outside it ({@code ../}) fails to open (the JDK's zip file system
   * refuses it). Synchronised: the nodes of a cluster unpack side by side, and a JVM opens a zip
   * file system only once at a time.
   *
   * @return the unpacked top directory
   */
  public Path unpack(Path archive, Path parent) {
    synchronized (Distribution.class) {
      Path home = parent.resolve(topDirectory);
      if (Files.isRegularFile(home.resolve(executable))) {
        return home;
      }
      Path staging =
          parent.resolve(".unpack-" + topDirectory + "-" + ProcessHandle.current().pid());
      try {
        Files.createDirectories(parent);
        Processes.deleteRecursively(staging);
        Files.createDirectories(staging);
        log.info("Unpacking {} into {}", archive, home);
        if (archive.getFileName().toString().endsWith(".zip")) {
          unzip(archive, staging);
        } else {
          Processes.Result result =
              Processes.run(
                  List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()),
                  null,
                  MAVEN_TIMEOUT_SECONDS);
          if (result.exitCode() != 0) {
            throw new IllegalStateException(
                "Could not unpack "
                    + archive
                    + " (exit "
                    + result.exitCode()
                    + "): "
                    + result.tail(5));
          }
        }
        Path unpacked = staging.resolve(topDirectory);
        if (!Files.isDirectory(unpacked)) {
          throw new IllegalStateException(
              archive + " does not contain the expected top-level directory " + topDirectory);
        }
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        Processes.deleteRecursively(staging);
        return home;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not unpack " + archive + " into " + home, e);
      }
    }
  }

  private static void unzip(Path zip, Path staging) throws IOException {
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
