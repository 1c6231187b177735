package com.mallrank.index.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Security for the local server: {@code xpack.security.enabled: true} (HTTP without TLS, loopback
 * only) with the file realm as its only realm. The minimal distribution cannot hold native roles,
 * users or API keys, so roles come from {@code config/roles.yml} and users are added with {@code
 * bin/elasticsearch-users}. The first user is the one the health probe authenticates as: it needs
 * the {@code monitor} cluster privilege.
 *
 * @param rolesYml the content of {@code config/roles.yml}
 * @param users the users, at least one
 */
public record FileRealm(String rolesYml, List<User> users) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  public FileRealm {
    Objects.requireNonNull(rolesYml, "rolesYml");
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a file realm needs at least one user (the probe's)");
    }
  }

  /**
   * A file-realm user.
   *
   * @param name letters, digits, {@code _ . -}
   * @param password at least 6 characters (the file realm's minimum); never printed
   * @param roles the role names
   */
  public record User(String name, String password, List<String> roles) {
    public User {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid file-realm user name '" + name + "'");
      }
      if (password == null || password.length() < 6) {
        throw new IllegalArgumentException("the password of " + name + " is shorter than 6");
      }
      roles = List.copyOf(roles);
      for (String role : roles) {
        if (!NAME.matcher(role).matches()) {
          throw new IllegalArgumentException("invalid role name '" + role + "'");
        }
      }
    }

    /** The {@code Authorization} header value for basic authentication. */
    String basicAuthorization() {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "User[" + name + ", roles=" + roles + "]";
    }
  }

  /** The user the health probe authenticates as. */
  User probeUser() {
    return users.get(0);
  }
}
