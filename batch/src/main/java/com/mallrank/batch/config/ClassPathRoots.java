package com.mallrank.batch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * The first names of every resource on the application jar's class path ({@code com}, {@code
 * META-INF}, {@code application.yml}, ...), written by the build beside the unpacked jar ({@code
 * target/cds/class-path-roots.txt}, build-archive.sh) with the size and modification time of each
 * jar, so that {@link PlainConfiguration} can tell that {@code config/application.properties} or
 * {@code logback.xml} is on no jar without asking the class loader, which opens every one of the
 * 169 jars to say so (opening them all cost {@code profile test --page} about 110 ms of CPU on the
 * shared 2-core machine: docs/benchmarks.md).
 *
 * <p>It answers only for the class path it was written for: this JVM's class path is the one jar
 * beside the file, every jar it lists (the jar's manifest {@code Class-Path}, followed as the JDK
 * follows it) has the size and modification time written, nothing is appended to the boot class
 * path, and the JDK is the one that wrote it (the names of its modules' packages are in the file
 * too). Otherwise, or without the file, {@link #ofThisJvm} has nothing and the class loader is
 * asked, as before. A name whose first segment is in the file may be on the class path: the class
 * loader is asked then too.
 */
final class ClassPathRoots {

  /** The file, beside the application jar. */
  static final String FILE = "class-path-roots.txt";

  private static final String HEADER = "# class path roots";

  /** Where jars declare their services: listed whole, since every jar has a {@code META-INF}. */
  private static final String SERVICES = "META-INF/services/";

  private final Set<String> roots;
  private final Set<String> services;

  private ClassPathRoots(Set<String> roots, Set<String> services) {
    this.roots = roots;
    this.services = services;
  }

  /** Whether a resource of this name may be on the class path ({@code false}: it is not). */
  boolean mayHold(String name) {
    return name.startsWith(SERVICES) ? services.contains(name) : roots.contains(first(name));
  }

  /**
   * Whether {@code loader} has a resource of this name: asked of the loader unless the roots of its
   * class path rule the name out.
   */
  static boolean onClassPath(ClassLoader loader, String name) {
    ClassPathRoots roots = loader == ClassLoader.getSystemClassLoader() ? ThisJvm.ROOTS : null;
    return (roots == null || roots.mayHold(name)) && loader.getResource(name) != null;
  }

  /** This JVM's, read once. */
  private static final class ThisJvm {
    static final ClassPathRoots ROOTS = ofThisJvm();
  }

  /**
   * The roots of this JVM's class path when the file beside the application jar describes that
   * class path as it is; else {@code null}.
   */
  static ClassPathRoots ofThisJvm() {
    String classPath = System.getProperty("java.class.path", "");
    String appended = System.getProperty("jdk.boot.class.path.append", "");
    if (!appended.isEmpty() || !classPath.endsWith(".jar") || classPath.contains(pathSeparator())) {
      return null;
    }
    try {
      Path jar = Path.of(classPath).toAbsolutePath().normalize();
      Path file = jar.resolveSibling(FILE);
      if (!Files.isRegularFile(file)) {
        return null;
      }
      return read(Files.readAllLines(file, StandardCharsets.UTF_8), jar);
    } catch (IOException | RuntimeException e) {
      return null; // unreadable: the class loader answers
    }
  }

  /** The roots in {@code lines} when they describe {@code jar}'s class path as it is now. */
  static ClassPathRoots read(List<String> lines, Path jar) throws IOException {
    if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals(jdk())) {
      return null;
    }
    Set<String> roots = new TreeSet<>();
    Set<String> services = new TreeSet<>();
    boolean first = true;
    for (String line : lines.subList(2, lines.size())) {
      String[] fields = line.split("\t", -1);
      if (fields.length == 4 && fields[0].equals("jar")) {
        Path element = jar.resolveSibling(fields[1]).normalize();
        if (first && !element.equals(jar)) {
          return null; // written for another jar
        }
        first = false;
        if (!Files.isRegularFile(element) || !stamp(element).equals(fields[2] + "\t" + fields[3])) {
          return null; // gone or changed since
        }
      } else if (fields.length == 2 && fields[0].equals("root")) {
        roots.add(fields[1]);
      } else if (fields.length == 2 && fields[0].equals("service")) {
        services.add(fields[1]);
      } else {
        return null;
      }
    }
    return first ? null : new ClassPathRoots(roots, services);
  }

  /**
   * Writes {@link #FILE} beside the application jar: its class path (the jar, then its manifest's
   * {@code Class-Path}, followed), each jar's stamp, the first names of all their entries and of
   * the JDK's packages, and the service files in their {@code META-INF/services/}. Writes nothing
   * (and removes an old file) when an element of the class path is missing or not a jar file: the
   * class loader answers then.
   *
   * <p>usage: {@code ClassPathRoots <application jar>}
   */
  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]).toAbsolutePath().normalize();
    Path file = jar.resolveSibling(FILE);
    Files.deleteIfExists(file);
    String text = write(jar);
    if (text != null) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  /** The text of {@link #FILE} for {@code jar}'s class path, or {@code null}. */
  static String write(Path jar) throws IOException {
    StringBuilder out = new StringBuilder(HEADER).append('\n').append(jdk()).append('\n');
    Set<String> roots = new TreeSet<>();
    Set<String> services = new TreeSet<>();
    for (Module module : ModuleLayer.boot().modules()) {
      for (String name : module.getPackages()) {
        roots.add(first(name.replace('.', '/')));
      }
    }
    for (Path element : classPath(jar)) {
      if (!Files.isRegularFile(element, LinkOption.NOFOLLOW_LINKS)
          || !element.toString().endsWith(".jar")) {
        return null;
      }
      out.append("jar\t")
          .append(jar.getParent().relativize(element))
          .append('\t')
          .append(stamp(element))
          .append('\n');
      try (JarFile entries = new JarFile(element.toFile())) {
        for (Enumeration<? extends ZipEntry> e = entries.entries(); e.hasMoreElements(); ) {
          String name = e.nextElement().getName();
          roots.add(first(name));
          if (name.startsWith(SERVICES) && name.length() > SERVICES.length()) {
            services.add(name);
          }
        }
      }
    }
    roots.remove("");
    for (String root : roots) {
      out.append("root\t").append(root).append('\n');
    }
    for (String service : services) {
      out.append("service\t").append(service).append('\n');
    }
    // a name with a line break makes more lines: more roots or a bad stamp, never fewer roots
    return out.toString();
  }

  /** The jar and the jars its manifest's {@code Class-Path} names, theirs too, in order. */
  private static List<Path> classPath(Path jar) throws IOException {
    Set<Path> seen = new LinkedHashSet<>();
    Deque<Path> pending = new ArrayDeque<>(List.of(jar.normalize()));
    while (!pending.isEmpty()) {
      Path element = pending.pop();
      if (!seen.add(element) || !Files.isRegularFile(element)) {
        continue;
      }
      List<Path> referenced = new ArrayList<>();
      try (JarFile file = new JarFile(element.toFile())) {
        Manifest manifest = file.getManifest();
        String value =
            manifest == null
                ? null
                : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (value != null) {
          for (String name : value.trim().split("\\s+")) {
            if (name.contains(":") || name.contains("%")) {
              throw new IOException(element + ": a Class-Path entry this does not follow: " + name);
            }
            referenced.add(element.resolveSibling(name).normalize());
          }
        }
      }
      for (int i = referenced.size() - 1; i >= 0; i--) {
        pending.push(referenced.get(i));
      }
    }
    return new ArrayList<>(seen);
  }

  /** A file's size and modification time, as written. */
  private static String stamp(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return attributes.size() + "\t" + attributes.lastModifiedTime().toMillis();
  }

  private static String jdk() {
    return "jdk\t" + Runtime.version() + "\t" + System.getProperty("java.home");
  }

  /** The first segment of a resource name: {@code config} of {@code config/application.yml}. */
  private static String first(String name) {
    int slash = name.indexOf('/');
    return slash < 0 ? name : name.substring(0, slash);
  }

  private static String pathSeparator() {
    return java.io.File.pathSeparator;
  }
}
