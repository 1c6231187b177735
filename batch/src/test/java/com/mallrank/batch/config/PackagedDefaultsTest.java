package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code application.yml}'s values as the build writes them beside it ({@link
 * PackagedDefaults}) are the yml's, key for key and type for type, and are used only for the bytes
 * they were made of.
 */
class PackagedDefaultsTest {

  private static byte[] packagedYaml() throws Exception {
    try (InputStream in =
        PackagedDefaultsTest.class.getClassLoader().getResourceAsStream(ApplicationYaml.RESOURCE)) {
      return in.readAllBytes();
    }
  }

  private static Map<String, Object> parsed(byte[] yaml) throws Exception {
    return PlainConfiguration.flatYaml("application.yml", yaml);
  }

  @Test
  void theBuildWroteTheValuesOfThePackagedYaml() throws Exception {
    byte[] yaml = packagedYaml();
    Map<String, Object> written =
        PackagedDefaults.read(PackagedDefaultsTest.class.getClassLoader(), yaml);

    Map<String, Object> expected = parsed(yaml);
    assertThat(written).isNotNull().containsExactlyEntriesOf(expected);
    // the same types as SnakeYAML's (Spring converts an Integer and a String differently)
    expected.forEach(
        (key, value) -> assertThat(written.get(key)).as(key).isExactlyInstanceOf(value.getClass()));
    assertThat(written)
        .containsEntry("crawler.max-redirects", 5)
        .containsEntry("logging.pattern.console", "%d{HH:mm:ss} %-5level %logger{0} - %msg%n");
  }

  @Test
  void valuesOfOtherBytesAreNotUsed() throws Exception {
    byte[] yaml = packagedYaml();
    String text = PackagedDefaults.write(parsed(yaml), yaml);
    assertThat(PackagedDefaults.parse(text, yaml)).isNotNull();

    byte[] edited = (new String(yaml, StandardCharsets.UTF_8) + "\n# edited\n").getBytes();
    assertThat(PackagedDefaults.parse(text, edited)).isNull();
    byte[] sameLength = yaml.clone();
    sameLength[sameLength.length - 2] ^= 1;
    assertThat(PackagedDefaults.parse(text, sameLength)).isNull();
  }

  @Test
  void everyValueComesBackAsItWasWritten() {
    byte[] yaml = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("text", "tab\there, line\nbreak, \\t not a tab, \r, 猫粮");
    values.put("empty", "");
    values.put("int", 20);
    values.put("long", 12_345_678_901L);
    values.put("big", new BigInteger("123456789012345678901234567890"));
    values.put("double", 0.1);
    values.put("bool", false);
    values.put("key\twith\\tab", "x");

    Map<String, Object> back = PackagedDefaults.parse(PackagedDefaults.write(values, yaml), yaml);

    assertThat(back).containsExactlyEntriesOf(values);
    assertThat(back.get("int")).isExactlyInstanceOf(Integer.class);
    assertThat(back.get("long")).isExactlyInstanceOf(Long.class);
  }

  @Test
  void aValueOfAnotherTypeFailsTheBuild() {
    byte[] yaml = "a: !!binary AA==\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PackagedDefaults.write(Map.of("a", new byte[] {0}), yaml))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("application.yml: a is a [B");
  }

  @Test
  void aMalformedFileIsNotUsed() {
    byte[] yaml = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    String good = PackagedDefaults.write(Map.of("a", 1), yaml);
    assertThat(PackagedDefaults.parse(good, yaml)).isEqualTo(Map.of("a", 1));
    assertThat(PackagedDefaults.parse(good.replace("\tint\t", "\tdate\t"), yaml)).isNull();
    assertThat(PackagedDefaults.parse(good.replace("\tint\t", " int "), yaml)).isNull();
    assertThat(PackagedDefaults.parse(good.replace("\t1\n", "\tone\n"), yaml)).isNull();
    assertThat(PackagedDefaults.parse(good + "a\tint\t2\n", yaml)).isNull(); // a key twice
    assertThat(PackagedDefaults.parse(good.strip(), yaml)).isNull(); // cut short
  }
}
