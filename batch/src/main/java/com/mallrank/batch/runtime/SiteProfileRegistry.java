package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Site profiles by id: a file {@code <id>.yml} in {@code crawler.profiles-dir} wins over the
 * built-in profile of that id, so a user can fix a profile for a changed page without a release.
 * Profiles are loaded (and validated) once.
 */
@Component
public class SiteProfileRegistry {

  private final Path folder;
  private final Map<String, SiteProfile> loaded = new ConcurrentHashMap<>();

  public SiteProfileRegistry(CrawlerProperties properties) {
    this.folder = properties.profilesDir();
  }

  /**
   * The profile with this id.
   *
   * @throws ProfileException when there is no such profile, or its file is invalid (naming file,
   *     line and key)
   */
  public SiteProfile get(String id) {
    return loaded.computeIfAbsent(id, this::load);
  }

  /** Whether a profile of this id exists (its validity is checked by {@link #get}). */
  public boolean exists(String id) {
    return Files.isRegularFile(file(id))
        || SiteProfiles.class
                .getClassLoader()
                .getResource(SiteProfiles.BUILT_IN_FOLDER + id + ".yml")
            != null;
  }

  /**
   * The YAML text the profile of this id is loaded from: its file in the profiles folder, else the
   * built-in's.
   *
   * @throws ProfileException when there is no such profile
   */
  public String text(String id) {
    Path file = file(id);
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
      }
      return SiteProfiles.builtInText(id);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The file a profile of this id is (or would be) read from in the profiles folder. */
  public Path overrideFile(String id) {
    return file(id);
  }

  /** Reads the profile of this id again on next use (its file was just written). */
  public void forget(String id) {
    loaded.remove(id);
  }

  private SiteProfile load(String id) {
    Path file = file(id);
    return Files.isRegularFile(file) ? SiteProfiles.load(file) : SiteProfiles.builtIn(id);
  }

  private Path file(String id) {
    return folder.resolve(id + ".yml");
  }
}
