package com.mallrank.batch.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every output context with the strings a hostile seller would put in a title. */
class EscapingTest {

  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String SCRIPT = "</script><script>alert(2)</script>";
  static final String CLEAR = "\u001b[2J";
  static final String WINDOW_TITLE = "\u001b]0;title\u0007";
  static final String RLO = "\u202Egpj.exe";

  @Test
  void htmlTextAndAttributesEscapeMarkupAndQuotes() {
    assertThat(Escaping.html(IMG)).isEqualTo("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(Escaping.html(SCRIPT))
        .isEqualTo("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    assertThat(Escaping.htmlAttribute("x\" onmouseover='alert(3)' a=\"&"))
        .isEqualTo("x&quot; onmouseover=&#39;alert(3)&#39; a=&quot;&amp;");
    assertThat(Escaping.html("a\u0000b")).isEqualTo("a\uFFFDb");
    assertThat(Escaping.html(null)).isEmpty();
    assertThat(Escaping.html("加厚羽绒服 100%")).isEqualTo("加厚羽绒服 100%");
  }

  @Test
  void jsonInAScriptElementCannotCloseItAndStaysTheSameValue() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String hostile = SCRIPT + "<!-- & \u2028 \u2029 " + IMG;
    String json = mapper.writeValueAsString(Map.of("t", hostile));

    String safe = Escaping.scriptJson(json);

    assertThat(safe).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    assertThat(safe).contains("\\u003c/script\\u003e", "\\u0026", "\\u2028", "\\u2029");
    assertThat(mapper.readTree(safe).path("t").asText()).isEqualTo(hostile);
  }

  @Test
  void terminalShowsEveryControlCharacterVisibly() {
    String shown =
        Escaping.terminal(CLEAR + "标题" + WINDOW_TITLE + "\r覆盖\b\u007f\u009b31m\n" + RLO + "\u2066");

    assertThat(shown).isEqualTo("␛[2J标题␛]0;title␇␍覆盖␈␡<U+009B>31m␊<U+202E>gpj.exe<U+2066>");
    assertThat(shown.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F));
    for (char bidi : "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069".toCharArray()) {
      assertThat(Escaping.terminal("a" + bidi + "b")).doesNotContain(String.valueOf(bidi));
    }
    assertThat(Escaping.terminal("加厚羽绒服 女 ¥299.00")).isEqualTo("加厚羽绒服 女 ¥299.00");
  }

  @Test
  void terminalLinesKeepLineFeedsAndTabsButNotCarriageReturns() {
    assertThat(Escaping.terminalLines("a\tb\nc\rd" + CLEAR)).isEqualTo("a\tb\nc␍d␛[2J");
  }

  @Test
  void spreadsheetCellsThatWouldRunAsFormulasGetAnApostrophe() {
    for (String formula :
        List.of(
            "=HYPERLINK(\"http://x\",\"click\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1+1",
            "\r=1+1",
            "\n=1+1",
            "\u0000=1",
            "  =1+1",
            "\u0000")) {
      assertThat(Escaping.spreadsheet(formula)).as(formula).isEqualTo("'" + formula);
    }
  }

  @Test
  void spreadsheetKeepsNumbersAndPlainText() {
    for (String plain : List.of("-12", "+3.5", "-5%", "299.00", "羽绒服 =1", "a-b", "", "¥-1")) {
      assertThat(Escaping.spreadsheet(plain)).as(plain).isEqualTo(plain);
    }
    assertThat(Escaping.spreadsheet(null)).isEmpty();
  }

  @Test
  void chatMarkdownCannotAddLinksMentionsTagsOrLines() {
    String hostile =
        "[点我](http://evil) <at user_id=\"all\">所有人</at> @13800000000 **粗** &lt;\n### h";

    String safe = Escaping.chatMarkdown(hostile);

    assertThat(safe)
        .doesNotContain("[", "]", "(", ")", "<", ">", "@", "*", "&", "\n")
        .isEqualTo("［点我］（http://evil） ＜at user＿id=\"all\"＞所有人＜/at＞ ＠13800000000 ＊＊粗＊＊ ＆lt; ### h");
    assertThat(Escaping.chatText("<at user_id=\"all\">@所有人</at>\u001b\n"))
        .isEqualTo("＜at user_id=\"all\"＞＠所有人＜/at＞  ");
  }
}
