package com.mallrank.index.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Security for the local server: {@code xpack.security.enabled: true} (HTTP without TLS, loopback
 * only) with the file realm as its only realm. The minimal distribution cannot hold native roles,
 * users or API keys, so roles come from {@code config/roles.yml} and users from {@code
 * config/users} and {@code config/users_roles}, written here as {@code bin/elasticsearch-users
 * useradd} writes them (a JVM of 3 s of CPU per user, 12 s wall on the loaded CI machine, saved).
 * The first user is the one the health probe authenticates as: it needs the {@code monitor} cluster
 * privilege.
 *
 * @param rolesYml the content of {@code config/roles.yml}
 * @param users the users, at least one
 */
public record FileRealm(String rolesYml, List<User> users) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

  /**
   * The file realm's PBKDF2 hash (Elasticsearch's {@code Hasher.PBKDF2}, which it recognises by the
   * prefix): {@code {PBKDF2}<iterations>$<base64 salt>$<base64 key>}, HMAC-SHA512, a 32-byte salt,
   * a 256-bit key, 10,000 iterations.
   */
  static final String PBKDF2_PREFIX = "{PBKDF2}";

  static final int PBKDF2_ITERATIONS = 10_000;
  private static final int SALT_BYTES = 32;
  private static final int KEY_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

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

  /** {@code config/users}: one {@code name:hash} line per user, the password hashed (salted). */
  String usersFile() {
    StringBuilder file = new StringBuilder();
    for (User user : users) {
      file.append(user.name()).append(':').append(hash(user.password())).append('\n');
    }
    return file.toString();
  }

  /** {@code config/users_roles}: one {@code role:user,user} line per role, in first-use order. */
  String usersRolesFile() {
    Map<String, List<String>> members = new LinkedHashMap<>();
    for (User user : users) {
      for (String role : user.roles()) {
        members.computeIfAbsent(role, r -> new ArrayList<>()).add(user.name());
      }
    }
    StringBuilder file = new StringBuilder();
    members.forEach(
        (role, names) ->
            file.append(role).append(':').append(String.join(",", names)).append('\n'));
    return file.toString();
  }

  static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return PBKDF2_PREFIX
        + PBKDF2_ITERATIONS
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(pbkdf2(password, salt, PBKDF2_ITERATIONS));
  }

  static byte[] pbkdf2(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
