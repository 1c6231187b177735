package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClassPathRoots}: the roots of a jar's class path as the build writes them, and read back
 * only while every jar is as written.
 */
class ClassPathRootsTest {

  @TempDir Path dir;

  /** app.jar (Class-Path: lib/a.jar lib/b.jar), lib/a.jar, lib/b.jar (Class-Path: c.jar). */
  private Path classPath() throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Path app = jar("app.jar", "lib/a.jar lib/b.jar", "com/example/App.class", "application.yml");
    jar("lib/a.jar", null, "org/a/A.class", "META-INF/services/java.sql.Driver", "schema/a.xsd");
    jar("lib/b.jar", "c.jar", "org/b/B.class");
    jar("lib/c.jar", null, "tools/c.properties", "logback-test.xml");
    return app;
  }

  private Path jar(String name, String classPath, String... entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  private static ClassPathRoots read(String text, Path jar) throws IOException {
    return ClassPathRoots.read(List.of(text.split("\n")), jar);
  }

  @Test
  void theRootsOfEveryJarTheManifestsNameAndTheServicesTheyDeclare() throws IOException {
    Path app = classPath();
    String text = ClassPathRoots.write(app);

    assertThat(text)
        .contains("jar\tapp.jar\t", "jar\tlib/a.jar\t", "jar\tlib/b.jar\t", "jar\tlib/c.jar\t");
    ClassPathRoots roots = read(text, app);
    assertThat(roots).isNotNull();
    // on the class path, or maybe: the class loader is asked
    assertThat(roots.mayHold("application.yml")).isTrue();
    assertThat(roots.mayHold("tools/c.properties")).isTrue();
    assertThat(roots.mayHold("logback-test.xml")).isTrue();
    assertThat(roots.mayHold("schema/other.xsd")).isTrue();
    assertThat(roots.mayHold("META-INF/services/java.sql.Driver")).isTrue();
    assertThat(roots.mayHold("java/lang/Object.class")).as("the JDK's packages").isTrue();
    // on no jar: no need to ask
    assertThat(roots.mayHold("config/application.properties")).isFalse();
    assertThat(roots.mayHold("logback.xml")).isFalse();
    assertThat(roots.mayHold("data/plan.yml")).isFalse();
    assertThat(roots.mayHold("META-INF/services/java.time.zone.ZoneRulesProvider")).isFalse();
  }

  @Test
  void aJarChangedSinceOrAnotherJarOrJdkIsNotAnswered() throws IOException {
    Path app = classPath();
    String text = ClassPathRoots.write(app);
    assertThat(read(text, app)).isNotNull();

    assertThat(read(text, dir.resolve("lib/a.jar"))).as("written for another jar").isNull();
    assertThat(read(text.replace("jdk\t", "jdk\t0"), app)).as("another JDK").isNull();
    Path c = dir.resolve("lib/c.jar");
    Files.setLastModifiedTime(
        c, FileTime.fromMillis(Files.getLastModifiedTime(c).toMillis() + 1000));
    assertThat(read(text, app)).as("a jar touched").isNull();
    Files.delete(c);
    assertThat(read(text, app)).as("a jar gone").isNull();
  }

  @Test
  void noFileForAClassPathOfMissingJarsOrFolders() throws IOException {
    Path app = jar("app.jar", "lib/missing.jar", "com/example/App.class");
    assertThat(ClassPathRoots.write(app)).isNull();
    Files.createDirectories(dir.resolve("classes"));
    assertThat(ClassPathRoots.write(jar("app2.jar", "classes/", "x.txt"))).isNull();
  }

  @Test
  void theTestsJvmHasNone() {
    // surefire's class path is not an application jar with the file beside it
    assertThat(ClassPathRoots.ofThisJvm()).isNull();
    assertThat(ClassPathRoots.onClassPath(ClassLoader.getSystemClassLoader(), "application.yml"))
        .isTrue();
    assertThat(ClassPathRoots.onClassPath(ClassLoader.getSystemClassLoader(), "logback.xml"))
        .isFalse();
  }
}
