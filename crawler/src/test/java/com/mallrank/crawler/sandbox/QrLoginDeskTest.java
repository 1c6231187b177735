package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.qr.QrCodes;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrLoginDeskTest {

  private static final Pattern PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

  @Test
  void theQrCarriesAOneTimeTicketThatOnePollSpends() {
    QrLoginDesk desk = new QrLoginDesk();
    String ticket = ticketOf(desk.page("http://127.0.0.1:1"));

    assertThat(desk.poll(ticket)).isEmpty();
    assertThat(desk.scan(ticket, "mx-yiwu")).isTrue();
    assertThat(desk.scan(ticket, "mx-hangzhou")).as("scanned once only").isFalse();
    assertThat(desk.poll(ticket)).contains("mx-yiwu");
    assertThat(desk.poll(ticket)).as("spent").isEmpty();
    assertThat(desk.scan(ticket, "mx-yiwu")).isFalse();
  }

  @Test
  void unknownTicketsAndBadUidsAreRefused() {
    QrLoginDesk desk = new QrLoginDesk();
    String ticket = ticketOf(desk.page("http://127.0.0.1:1"));

    assertThat(desk.scan("0".repeat(32), "mx-yiwu")).isFalse();
    assertThat(desk.scan(ticket, "<b>")).isFalse();
    assertThat(desk.scan(ticket, null)).isFalse();
    assertThat(desk.poll("../etc")).isEmpty();
  }

  @Test
  void atMostTheNewestTicketsAreKept() {
    QrLoginDesk desk = new QrLoginDesk();
    String first = ticketOf(desk.page("http://127.0.0.1:1"));
    for (int i = 0; i < QrLoginDesk.MAX_TICKETS; i++) {
      desk.page("http://127.0.0.1:1");
    }
    assertThat(desk.scan(first, "mx-yiwu")).isFalse();
  }

  private static String ticketOf(String html) {
    Matcher m = PNG.matcher(html);
    assertThat(m.find()).isTrue();
    String text = QrCodes.decode(Base64.getDecoder().decode(m.group(1))).orElseThrow();
    assertThat(text).startsWith("http://127.0.0.1:1/login/scan?ticket=");
    return text.substring(text.indexOf("ticket=") + 7);
  }
}
