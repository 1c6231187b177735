import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;

/**
 * Part of the class-data-sharing archive build (build-archive.sh), run on the unpacked jar's
 * {@code lib/} folder: class-data sharing refuses class files older than Java 6 ("Pre JDK 6 class
 * not supported by CDS"), so a library compiled for Java 5 is parsed and verified at every start.
 * picocli is one (4.7.7 targets Java 5): its 180 classes cost about 40 ms of every command. This
 * rewrites such class files as Java 8 class files with stack map frames computed (ASM, as spring-
 * core repackages it): the same bytecode, which the JVM then archives. Each rewritten jar is
 * checked by loading and initialising (so verifying) every class it rewrote in a class loader of
 * its own; a jar that fails, or is signed, is left as it was. Only the jars named are touched
 * (picocli: the one every command starts with; other Java 5 libraries, e.g. commons-math3, serve
 * jobs, not start-up), nothing outside {@code lib/}, and the jar {@code ./mallrank} runs without
 * the archive is the original.
 *
 * <p>usage: {@code java -cp <spring-core.jar> ModernClassFiles.java <lib dir> <jar name prefix>...};
 * prints what it did.
 */
public final class ModernClassFiles {

  private static final int JAVA_6 = 50;

  public static void main(String[] args) throws Exception {
    Path lib = Path.of(args[0]);
    List<Path> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
    List<String> named = List.of(args).subList(1, args.length);
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    try (URLClassLoader hierarchy = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (Path jar : jars) {
        String name = jar.getFileName().toString();
        if (named.stream().noneMatch(name::startsWith)) {
          continue;
        }
        try {
          rewrite(jar, hierarchy);
        } catch (Exception | LinkageError e) {
          System.out.println("[cds] " + jar.getFileName() + " left as it was: " + e);
        }
      }
    }
  }

  private static void rewrite(Path jar, ClassLoader hierarchy) throws Exception {
    List<String> rewritten = new ArrayList<>();
    Path out = jar.resolveSibling(jar.getFileName() + ".modern");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (!old(zip) || signed(zip)) {
        return;
      }
      try (ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(out))) {
        for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
          ZipEntry entry = it.nextElement();
          byte[] bytes;
          try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
          }
          if (entry.getName().endsWith(".class") && version(bytes) < JAVA_6) {
            bytes = modern(bytes, hierarchy);
            rewritten.add(entry.getName().replace('/', '.').replaceAll("\\.class$", ""));
          }
          ZipEntry copy = new ZipEntry(entry.getName());
          copy.setTime(entry.getTime());
          target.putNextEntry(copy);
          target.write(bytes);
          target.closeEntry();
        }
      }
    }
    try (URLClassLoader check =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String name : rewritten) {
        Class.forName(name, true, check); // initialised: linked, so verified
      }
    } catch (Exception | LinkageError e) {
      Files.deleteIfExists(out);
      throw e;
    }
    Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println(
        "[cds] " + jar.getFileName() + ": " + rewritten.size() + " class files made Java 8");
  }

  private static boolean old(ZipFile zip) throws IOException {
    for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
      ZipEntry entry = it.nextElement();
      if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
        try (InputStream in = zip.getInputStream(entry)) {
          return version(in.readNBytes(8)) < JAVA_6;
        }
      }
    }
    return false;
  }

  private static boolean signed(ZipFile zip) {
    return zip.stream()
        .map(ZipEntry::getName)
        .anyMatch(n -> n.startsWith("META-INF/") && n.matches(".*\\.(SF|RSA|DSA|EC)$"));
  }

  private static int version(byte[] header) {
    return ((header[6] & 0xff) << 8) | (header[7] & 0xff);
  }

  private static byte[] modern(byte[] bytes, ClassLoader hierarchy) {
    ClassWriter writer =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected ClassLoader getClassLoader() {
            return hierarchy;
          }
        };
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visit(
                  int version,
                  int access,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
              }
            },
            ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
  }

  private ModernClassFiles() {}
}
