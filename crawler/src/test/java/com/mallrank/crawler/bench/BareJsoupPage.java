package com.mallrank.crawler.bench;

import java.io.File;
import java.io.IOException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The baseline of {@code .ci/bench-offline}: a fresh JVM that parses a saved page with bare jsoup
 * and prints its cards (text of each element the CSS selector matches), nothing else: no profile,
 * no classification, no command line. {@code mallrank profile test --page} on the same page is
 * measured against it. Not a test; see docs/benchmarks.md.
 *
 * <p>usage: {@code BareJsoupPage <page.html> <card selector>}
 */
public final class BareJsoupPage {

  private BareJsoupPage() {}

  public static void main(String[] args) throws IOException {
    Document page = Jsoup.parse(new File(args[0]), "UTF-8");
    StringBuilder out = new StringBuilder();
    int cards = 0;
    for (Element card : page.select(args[1])) {
      out.append(++cards).append(' ').append(card.text()).append('\n');
    }
    System.out.print(out);
  }
}
