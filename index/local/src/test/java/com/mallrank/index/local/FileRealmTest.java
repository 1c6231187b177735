package com.mallrank.index.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The file realm's files as {@code bin/elasticsearch-users useradd} writes them; that the server
 * accepts them is {@code LeastPrivilegeIT}'s (every user authenticates there).
 */
class FileRealmTest {

  private static final Pattern LINE =
      Pattern.compile("([a-z-]+):\\{PBKDF2}10000\\$([A-Za-z0-9+/]{43}=)\\$([A-Za-z0-9+/]{43}=)");

  private final FileRealm realm =
      new FileRealm(
          "roles: {}\n",
          List.of(
              new FileRealm.User("mr-reader", "secret-r", List.of("mallrank_reader")),
              new FileRealm.User("mr-writer", "secret-w", List.of("mallrank_writer")),
              new FileRealm.User("mr-both", "secret-b", List.of("mallrank_writer", "kibana"))));

  @Test
  void usersHoldOneSaltedPbkdf2HashPerUserThatTheirPasswordMatches() {
    List<String> lines = realm.usersFile().lines().toList();

    assertThat(lines).hasSize(3);
    List<String> passwords = List.of("secret-r", "secret-w", "secret-b");
    for (int i = 0; i < lines.size(); i++) {
      Matcher line = LINE.matcher(lines.get(i));
      assertThat(line.matches()).as(lines.get(i)).isTrue();
      assertThat(line.group(1)).isEqualTo(realm.users().get(i).name());
      byte[] salt = Base64.getDecoder().decode(line.group(2));
      byte[] key = Base64.getDecoder().decode(line.group(3));
      assertThat(FileRealm.pbkdf2(passwords.get(i), salt, 10_000)).isEqualTo(key);
      assertThat(FileRealm.pbkdf2("wrong", salt, 10_000)).isNotEqualTo(key);
    }
    assertThat(realm.usersFile()).doesNotContain("secret");
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertThat(FileRealm.hash("secret-r")).isNotEqualTo(FileRealm.hash("secret-r"));
  }

  @Test
  void usersRolesListEachRoleOnceWithItsUsersInOrder() {
    assertThat(realm.usersRolesFile())
        .isEqualTo(
            "mallrank_reader:mr-reader\n"
                + "mallrank_writer:mr-writer,mr-both\n"
                + "kibana:mr-both\n");
  }
}
