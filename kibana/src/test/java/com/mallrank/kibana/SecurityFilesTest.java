package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.security.EsRoles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The file realm the compose stacks install ({@code security/}): {@code roles.yml} is exactly what
 * {@code mallrank es roles --format=yml} prints for the stacks' prefix ({@code mallrank}), and
 * {@code es-users.sh} gives every role of it that a mallrank process or person uses a user. {@code
 * -Dmallrank.security.update=true} rewrites {@code roles.yml} from the roles resource.
 */
class SecurityFilesTest {

  private static final Path ROLES_YML = Path.of("security", "roles.yml");
  private static final Path USERS_SCRIPT = Path.of("security", "es-users.sh");

  @Test
  void rolesYmlIsWhatEsRolesPrintsForTheStacksPrefix() throws IOException {
    String expected = EsRoles.forPrefix(IndexNames.defaults()).rolesYml();
    if (Boolean.getBoolean("mallrank.security.update")) {
      Files.writeString(ROLES_YML, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(ROLES_YML, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void theUsersScriptAddsAUserForEveryRoleInUse() throws IOException {
    Map<String, String> users = new LinkedHashMap<>();
    Matcher add =
        Pattern.compile("(?m)^add (\\S+) (\\S+) (\\S+)$")
            .matcher(Files.readString(USERS_SCRIPT, StandardCharsets.UTF_8));
    while (add.find()) {
      users.put(add.group(1), add.group(2));
    }
    assertThat(users)
        .containsExactly(
            Map.entry("mallrank_writer", "mallrank_writer"),
            Map.entry("mallrank_reader", "mallrank_reader"),
            Map.entry("mallrank_admin", "mallrank_admin"),
            Map.entry("mallrank_kibana_import", EsRoles.KIBANA_OBJECTS_ROLE),
            Map.entry("mallrank_viewer", "mallrank_reader"));
    assertThat(EsRoles.forPrefix(IndexNames.defaults()).names())
        .containsExactlyInAnyOrderElementsOf(users.values().stream().distinct().toList());
  }
}
