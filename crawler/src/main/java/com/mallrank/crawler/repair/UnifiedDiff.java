package com.mallrank.crawler.repair;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u} style, 3 lines of context) of two small texts, from their longest
 * common subsequence of lines. Profiles are a few hundred lines; the texts are bounded by the
 * caller.
 */
final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff, or {@code ""} when the texts are equal. */
  static String of(String oldName, String newName, String oldText, String newText) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // the edit script: ' ' keep, '-' old only, '+' new only, with both line numbers
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        texts.add(a.get(i));
        i++;
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        texts.add(a.get(i));
        i++;
      } else {
        ops.add(new char[] {'+'});
        texts.add(b.get(j));
        j++;
      }
    }
    StringBuilder out = new StringBuilder();
    int k = 0;
    int oldLine = 1;
    int newLine = 1;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        oldLine++;
        newLine++;
        k++;
        continue;
      }
      // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
      // that is less than 2 * CONTEXT unchanged lines from the previous one
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int gap = 0;
      for (int x = k; x < ops.size(); x++) {
        if (ops.get(x)[0] == ' ') {
          if (++gap > 2 * CONTEXT) {
            break;
          }
        } else {
          gap = 0;
          end = x;
        }
      }
      int stop = Math.min(ops.size() - 1, end + CONTEXT);
      int before = k - start;
      int hunkOld = oldLine - before;
      int hunkNew = newLine - before;
      int oldCount = 0;
      int newCount = 0;
      StringBuilder body = new StringBuilder();
      for (int x = start; x <= stop; x++) {
        char op = ops.get(x)[0];
        body.append(op).append(texts.get(x)).append('\n');
        oldCount += op == '+' ? 0 : 1;
        newCount += op == '-' ? 0 : 1;
      }
      if (out.isEmpty()) {
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
      }
      out.append("@@ -")
          .append(range(hunkOld, oldCount))
          .append(" +")
          .append(range(hunkNew, newCount))
          .append(" @@\n")
          .append(body);
      for (int x = k; x <= stop; x++) {
        char op = ops.get(x)[0];
        oldLine += op == '+' ? 0 : 1;
        newLine += op == '-' ? 0 : 1;
      }
      k = stop + 1;
    }
    return out.toString();
  }

  private static String range(int start, int count) {
    if (count == 0) {
      return (start - 1) + ",0";
    }
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
