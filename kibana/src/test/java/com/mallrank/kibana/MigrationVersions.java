package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every object carries {@code coreMigrationVersion} and {@code typeMigrationVersion}: without them
 * Kibana runs every migration of the type from the start, which rewrites objects written in today's
 * shape; one newer than the target Kibana is refused on import.
 */
final class MigrationVersions {

  /** The Kibana the objects are written for. */
  static final String TARGET = "8.19.7";

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private MigrationVersions() {}

  static void check(JsonNode object, SavedObjectsCheck.FieldUse use) {
    for (String key : new String[] {"coreMigrationVersion", "typeMigrationVersion"}) {
      String version = object.path(key).asText("");
      Matcher matcher = SEMVER.matcher(version);
      if (version.isEmpty()) {
        use.problem(key + " is missing");
      } else if (!matcher.matches()) {
        use.problem(key + " '" + version + "' is not a version x.y.z");
      } else if (compare(version, TARGET) > 0) {
        use.problem(
            key + " " + version + " is newer than Kibana " + TARGET + ": refused on import");
      }
    }
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
