package com.mallrank.crawler.profile;

import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads and validates {@link SiteProfile}s. Every problem of a file is reported at once in one
 * {@link ProfileException} naming the file, the line and the key path.
 */
public final class SiteProfiles {

  /** The classpath folder of built-in profiles. */
  public static final String BUILT_IN_FOLDER = "mallrank/profiles/";

  private SiteProfiles() {}

  /**
   * Loads a profile file.
   *
   * @throws ProfileException when the file is unreadable or invalid
   */
  public static SiteProfile load(Path file) {
    Objects.requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProfileException(new ConfigProblem(file.toString(), 0, "", "cannot read: " + e), e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Loads a built-in profile from the classpath resource {@code mallrank/profiles/<id>.yml}.
   *
   * @throws ProfileException when there is no such profile or it is invalid
   */
  public static SiteProfile builtIn(String id) {
    Objects.requireNonNull(id, "id");
    return parse("classpath:" + BUILT_IN_FOLDER + id + ".yml", builtInText(id));
  }

  /**
   * The YAML text of a built-in profile, as shipped (comments included).
   *
   * @throws ProfileException when there is no such profile
   */
  public static String builtInText(String id) {
    Objects.requireNonNull(id, "id");
    String resource = BUILT_IN_FOLDER + id + ".yml";
    try (InputStream in = SiteProfiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ProfileException(
            List.of(new ConfigProblem("classpath:" + resource, 0, "", "no such profile")));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses profile YAML.
   *
   * @param source the name used in error messages and {@link SiteProfile#source()}
   * @throws ProfileException when the YAML is malformed or the profile invalid
   */
  public static SiteProfile parse(String source, String yaml) {
    ProfileReader reader = new ProfileReader(source);
    YamlTree.Node root;
    try {
      root =
          YamlTree.parse(
              yaml, (key, line) -> reader.problem(key, line, "duplicate key (first one wins)"));
    } catch (YamlTree.SyntaxException e) {
      throw new ProfileException(
          new ConfigProblem(source, e.line(), "", "malformed YAML: " + e.getMessage()), e);
    }
    SiteProfile profile = reader.read(root);
    List<ConfigProblem> problems = new ArrayList<>(reader.problems());
    if (!problems.isEmpty() || profile == null) {
      problems.sort(java.util.Comparator.comparingInt(ConfigProblem::line));
      throw new ProfileException(problems);
    }
    return profile;
  }
}
