package com.mallrank.crawler.sandbox;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's QR login (扫码登录), as a site's login page works: {@code GET /login} shows a QR code
 * (a PNG data URL drawn with ZXing) whose text is a one-time URL {@code
 * <base>/login/scan?ticket=<ticket>}; the page polls {@code GET /login/poll?ticket=…} until a phone
 * "scans" it by calling that URL with {@code &uid=<account>} (opened without it, the link shows a
 * page to pick the account: the sandbox has no phone app to say who scans); the poll that sees the
 * scan sets the identity cookie and the ticket is spent. At most {@value #MAX_TICKETS} tickets are
 * kept (the oldest dropped), so a page polled forever cannot grow the sandbox.
 */
final class QrLoginDesk {

  /** The {@code id} of the QR image on the login page. */
  static final String QR_ID = "login-qr";

  static final int MAX_TICKETS = 200;

  private static final Pattern UID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern TICKET = Pattern.compile("[0-9a-f]{32}");
  private static final String PENDING = "";

  private final SecureRandom random = new SecureRandom();

  /** Ticket to the uid that scanned it ({@link #PENDING} until then), oldest first. */
  private final Map<String, String> tickets = new LinkedHashMap<>();

  /**
   * A new login page whose QR code carries a fresh ticket; once scanned it moves on to {@code /}.
   */
  String page(String baseUrl) {
    return page(baseUrl, "/");
  }

  /**
   * A new login page whose QR code carries a fresh ticket; once scanned it moves on to {@code
   * after} (a path of the sandbox).
   */
  synchronized String page(String baseUrl, String after) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String ticket = HexFormat.of().formatHex(bytes);
    tickets.put(ticket, PENDING);
    while (tickets.size() > MAX_TICKETS) {
      tickets.remove(tickets.keySet().iterator().next());
    }
    String png =
        Base64.getEncoder().encodeToString(qrPng(baseUrl + "/login/scan?ticket=" + ticket));
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<title>扫码登录 (sandbox)</title></head><body>"
        + "<div id=\"login-panel\" class=\"logged-out\"><h1>打开抖音扫码登录</h1>"
        + "<img id=\""
        + QR_ID
        + "\" alt=\"登录二维码\" src=\"data:image/png;base64,"
        + png
        + "\"></div><script>"
        + "const t='"
        + ticket
        + "';const poll=()=>fetch('/login/poll?ticket='+t).then(r=>r.json())"
        + ".then(j=>{if(j.status==='confirmed'){location.href='"
        + after
        + "';}else{setTimeout(poll,300);}})"
        + ".catch(()=>setTimeout(poll,1000));setTimeout(poll,300);"
        + "</script></body></html>\n";
  }

  /** A QR code of {@code text} as a PNG, six pixels a module, black on white, two modules quiet. */
  static byte[] qrPng(String text) {
    BitMatrix modules;
    try {
      modules =
          new QRCodeWriter()
              .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot draw a QR code of " + text.length() + " chars", e);
    }
    int scale = 6;
    int side = modules.getWidth() * scale;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      g.setColor(Color.BLACK);
      for (int row = 0; row < modules.getHeight(); row++) {
        for (int column = 0; column < modules.getWidth(); column++) {
          if (modules.get(column, row)) {
            g.fillRect(column * scale, row * scale, scale, scale);
          }
        }
      }
    } finally {
      g.dispose();
    }
    return PictureRenderer.png(image);
  }

  /** Whether the ticket is waiting for a scan (shown, not scanned, not spent). */
  synchronized boolean waiting(String ticket) {
    return ticket != null
        && TICKET.matcher(ticket).matches()
        && PENDING.equals(tickets.get(ticket));
  }

  /**
   * What the QR code's link shows when opened without {@code uid} (the sandbox has no phone app to
   * say who scans): a page to pick the account, one link each, and how to name another.
   */
  static String chooser(String ticket) {
    StringBuilder page =
        new StringBuilder(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>扫码确认 (sandbox)</title></head><body><div id=\"scan-as\">"
                + "<h1>以哪个账号扫码登录？</h1><p>The sandbox mall has no phone app: pick the"
                + " account that scans this code, or add <code>&amp;uid=&lt;account id&gt;</code>"
                + " to this link.</p><ul>");
    for (String account : MatrixAccounts.ACCOUNTS) {
      page.append("<li><a href=\"/login/scan?ticket=")
          .append(ticket)
          .append("&amp;uid=")
          .append(account)
          .append("\">")
          .append(account)
          .append("</a></li>");
    }
    return page.append("</ul></div></body></html>\n").toString();
  }

  /** A phone scanned the ticket as {@code uid}: true when the ticket was waiting for a scan. */
  synchronized boolean scan(String ticket, String uid) {
    if (ticket == null || uid == null || !UID.matcher(uid).matches()) {
      return false;
    }
    if (!PENDING.equals(tickets.get(ticket))) {
      return false;
    }
    tickets.put(ticket, uid);
    return true;
  }

  /** The uid that scanned the ticket, spending it; empty while it waits or when unknown. */
  synchronized Optional<String> poll(String ticket) {
    if (ticket == null || !TICKET.matcher(ticket).matches()) {
      return Optional.empty();
    }
    String uid = tickets.get(ticket);
    if (uid == null || uid.equals(PENDING)) {
      return Optional.empty();
    }
    tickets.remove(ticket);
    return Optional.of(uid);
  }
}
