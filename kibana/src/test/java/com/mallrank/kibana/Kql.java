package com.mallrank.kibana;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parser for the part of Kibana's query language (KQL) that saved objects use: {@code and},
 * {@code or}, {@code not}, parentheses, {@code field : value}, {@code field : (a or b)}, {@code
 * field : *}, quoted values, wildcards and the range operators {@code < <= > >=}. It exists so a
 * saved query with a typo fails a test instead of an empty chart: Kibana only parses the query when
 * the dashboard is opened. Nested-field queries ({@code field:{...}}) are not supported and
 * reported as such.
 */
final class Kql {

  /** A node of the parsed query. */
  sealed interface Node permits Comparison, And, Or, Not {}

  /**
   * One comparison of the query: {@code field op value}; {@code value} is null for {@code *}, the
   * field null for free text.
   */
  record Comparison(String field, String op, String value) implements Node {}

  /** All of the parts. */
  record And(List<Node> parts) implements Node {}

  /** Any of the parts. */
  record Or(List<Node> parts) implements Node {}

  /** Not the part. */
  record Not(Node part) implements Node {}

  /** The query does not parse; the message names the position. */
  static final class SyntaxError extends IllegalArgumentException {
    SyntaxError(String query, int position, String what) {
      super("KQL syntax error at " + (position + 1) + " in '" + query + "': " + what);
    }
  }

  private enum Kind {
    LPAREN,
    RPAREN,
    COLON,
    RANGE,
    AND,
    OR,
    NOT,
    QUOTED,
    WORD,
    END
  }

  private record Token(Kind kind, String text, int position) {}

  private final String query;
  private final List<Token> tokens;
  private final List<Comparison> comparisons = new ArrayList<>();
  private int next;

  /** The field a parenthesised value list belongs to ({@code status : (a or b)}). */
  private String field;

  private Kql(String query) {
    this.query = query;
    this.tokens = tokenize(query);
  }

  /** The comparisons of a query; an empty or blank query has none. */
  static List<Comparison> parse(String query) {
    Kql parser = new Kql(query);
    parser.root();
    return List.copyOf(parser.comparisons);
  }

  /** The query as a tree, or null for an empty or blank query. */
  static Node tree(String query) {
    return new Kql(query).root();
  }

  private Node root() {
    if (peek().kind() == Kind.END) {
      return null;
    }
    Node node = or(false);
    if (peek().kind() != Kind.END) {
      throw unexpected(peek());
    }
    return node;
  }

  // query := or ; or := and ('or' and)* ; and := not ('and' not)* ; not := 'not' not | primary
  private Node or(boolean inValue) {
    List<Node> parts = new ArrayList<>(List.of(and(inValue)));
    while (peek().kind() == Kind.OR) {
      take();
      parts.add(and(inValue));
    }
    return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
  }

  private Node and(boolean inValue) {
    List<Node> parts = new ArrayList<>(List.of(not(inValue)));
    while (peek().kind() == Kind.AND) {
      take();
      parts.add(not(inValue));
    }
    return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
  }

  private Node not(boolean inValue) {
    if (peek().kind() == Kind.NOT) {
      take();
      return new Not(not(inValue));
    }
    return primary(inValue);
  }

  private Node primary(boolean inValue) {
    Token token = take();
    switch (token.kind()) {
      case LPAREN -> {
        Node inner = or(inValue);
        expect(Kind.RPAREN, "a closing ')'");
        return inner;
      }
      case QUOTED -> {
        return add(new Comparison(inValue ? field : null, ":", token.text()));
      }
      case WORD -> {
        if (inValue) {
          String text = words(token);
          return add(new Comparison(field, ":", text.equals("*") ? null : text));
        } else if (peek().kind() == Kind.COLON) {
          take();
          return fieldValue(token);
        } else if (peek().kind() == Kind.RANGE) {
          Token op = take();
          Token value = take();
          if (value.kind() != Kind.WORD && value.kind() != Kind.QUOTED) {
            throw error(value, "a value after '" + op.text() + "'");
          }
          if (value.kind() == Kind.WORD && value.text().contains("*")) {
            throw error(value, "a wildcard in a range");
          }
          return add(new Comparison(token.text(), op.text(), value.text()));
        } else {
          return add(new Comparison(null, ":", words(token))); // free text
        }
      }
      default ->
          throw token.kind() == Kind.END ? error(token, "a missing term") : unexpected(token);
    }
  }

  private Comparison add(Comparison comparison) {
    comparisons.add(comparison);
    return comparison;
  }

  private Node fieldValue(Token fieldToken) {
    Token value = peek();
    if (value.kind() == Kind.LPAREN) {
      take();
      String outer = field;
      field = fieldToken.text();
      Node values = or(true);
      field = outer;
      expect(Kind.RPAREN, "a closing ')'");
      return values;
    } else if (value.kind() == Kind.WORD || value.kind() == Kind.QUOTED) {
      take();
      String text = value.kind() == Kind.WORD ? words(value) : value.text();
      text = value.kind() == Kind.WORD && text.equals("*") ? null : text;
      return add(new Comparison(fieldToken.text(), ":", text));
    } else {
      throw error(value, "a value after '" + fieldToken.text() + " :'");
    }
  }

  /** An unquoted value may be several words ({@code hello world}), up to the next operator. */
  private String words(Token first) {
    StringBuilder text = new StringBuilder(first.text());
    while (peek().kind() == Kind.WORD
        && tokens.get(next + 1).kind() != Kind.COLON
        && tokens.get(next + 1).kind() != Kind.RANGE) {
      text.append(' ').append(take().text());
    }
    return text.toString();
  }

  private void expect(Kind kind, String what) {
    Token token = take();
    if (token.kind() != kind) {
      throw error(token, what + (token.kind() == Kind.END ? " at the end" : ""));
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.kind() != Kind.END) {
      next++;
    }
    return token;
  }

  private SyntaxError unexpected(Token token) {
    return new SyntaxError(query, token.position(), "unexpected '" + token.text() + "'");
  }

  private SyntaxError error(Token token, String what) {
    return new SyntaxError(query, token.position(), "expected " + what);
  }

  private static List<Token> tokenize(String query) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ':') {
        tokens.add(
            new Token(
                c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.COLON,
                String.valueOf(c),
                i));
        i++;
      } else if (c == '{' || c == '}') {
        throw new SyntaxError(query, i, "nested-field queries ({...}) are not supported here");
      } else if (c == '<' || c == '>') {
        int end = i + 1 < query.length() && query.charAt(i + 1) == '=' ? i + 2 : i + 1;
        tokens.add(new Token(Kind.RANGE, query.substring(i, end), i));
        i = end;
      } else if (c == '"') {
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < query.length() && query.charAt(j) != '"') {
          if (query.charAt(j) == '\\' && j + 1 < query.length()) {
            j++;
          }
          text.append(query.charAt(j++));
        }
        if (j >= query.length()) {
          throw new SyntaxError(query, i, "an unterminated quoted value");
        }
        tokens.add(new Token(Kind.QUOTED, text.toString(), i));
        i = j + 1;
      } else {
        StringBuilder text = new StringBuilder();
        int j = i;
        while (j < query.length() && !isSpecial(query.charAt(j))) {
          if (query.charAt(j) == '\\' && j + 1 < query.length()) {
            j++;
          }
          text.append(query.charAt(j++));
        }
        String word = text.toString();
        Kind kind =
            switch (word.toLowerCase(Locale.ROOT)) {
              case "and" -> Kind.AND;
              case "or" -> Kind.OR;
              case "not" -> Kind.NOT;
              default -> Kind.WORD;
            };
        tokens.add(new Token(kind, word, i));
        i = j;
      }
    }
    tokens.add(new Token(Kind.END, "end of query", query.length()));
    return tokens;
  }

  private static boolean isSpecial(char c) {
    return Character.isWhitespace(c) || "():<>\"{}".indexOf(c) >= 0;
  }
}
