package dev.retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A check or index predicate in one canonical spelling, so that the text a catalog prints back
 * compares equal to the text a definition wrote. PostgreSQL wraps every comparison in parentheses
 * ({@code ((a > 0) AND (b < 9))}), MariaDB quotes names in backticks and lower-cases keywords; the
 * canonical form drops quotes around plain names, upper-cases the logical keywords, squashes
 * whitespace, and removes parentheses where they cannot change the meaning: around the whole
 * expression, around a single operand, and around a comparison that has no AND or OR at its top
 * level (comparisons bind more tightly than NOT, AND and OR, and a definition rarely does
 * arithmetic on a comparison), and around terms joined by AND that stand beside AND or OR.
 * Parentheses of a function call or an IN list stay.
 */
final class CheckExpression {
  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "IS", "NULL", "LIKE", "IN", "BETWEEN", "TRUE", "FALSE");
  private static final Set<String> COMPARISONS =
      Set.of("=", "<>", "!=", "<", ">", "<=", ">=", "IS", "LIKE", "BETWEEN", "IN");

  private CheckExpression() {}

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The canonical spelling of {@code sql}. */
  static String canonical(String sql) {
    List<String> tokens = tokens(sql);
    if (tokens == null) {
      return WHITESPACE.matcher(sql).replaceAll(" ").strip();
    }
    boolean changed = true;
    while (changed) {
      changed = unwrapOne(tokens);
    }
    return join(tokens);
  }

  /** The tokens of {@code sql}, or null when it has something this reader does not know. */
  private static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      if (ch == '\'') {
        i = stringEnd(sql, i);
        if (i < 0) {
          return null;
        }
        out.add(sql.substring(start, ++i));
      } else if (ch == '"' || ch == '`') {
        int end = sql.indexOf(ch, i + 1);
        if (end < 0) {
          return null;
        }
        String name = sql.substring(i + 1, end);
        // PostgreSQL folds unquoted names to lower case; MySQL compares column names without case
        out.add(
            name.matches(ch == '`' ? "[A-Za-z_][A-Za-z0-9_]*" : "[a-z_][a-z0-9_]*")
                ? name
                : sql.substring(i, end + 1));
        i = end + 1;
      } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '.') {
        while (i < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(i)) || "_.$".indexOf(sql.charAt(i)) >= 0)) {
          i++;
        }
        String word = sql.substring(start, i);
        String upper = word.toUpperCase(Locale.ROOT);
        out.add(KEYWORDS.contains(upper) ? upper : word);
      } else if ("<>=!".indexOf(ch) >= 0) {
        while (i < sql.length() && "<>=!".indexOf(sql.charAt(i)) >= 0) {
          i++;
        }
        out.add(sql.substring(start, i));
      } else if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        out.add("::");
        i += 2;
      } else {
        out.add(String.valueOf(ch));
        i++;
      }
    }
    return out;
  }

  /** The index of the quote that closes the string literal opening at {@code open}, or -1. */
  private static int stringEnd(String sql, int open) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2; // a doubled quote inside the literal
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Removes one pair of parentheses that cannot matter; false when there is none. */
  private static boolean unwrapOne(List<String> tokens) {
    for (int open = 0; open < tokens.size(); open++) {
      if (!tokens.get(open).equals("(")) {
        continue;
      }
      int close = closing(tokens, open);
      if (close < 0) {
        return false;
      }
      boolean call =
          open > 0 && isWord(tokens.get(open - 1)) && !KEYWORDS.contains(tokens.get(open - 1))
              || open > 0 && tokens.get(open - 1).equals("IN");
      List<String> inner = tokens.subList(open + 1, close);
      boolean castAfter = close + 1 < tokens.size() && tokens.get(close + 1).equals("::");
      boolean whole = open == 0 && close == tokens.size() - 1;
      boolean andOperand =
          isConjunction(inner)
              && (open == 0 || LOGICAL.contains(tokens.get(open - 1)))
              && (close == tokens.size() - 1 || LOGICAL.contains(tokens.get(close + 1)));
      if (!call && !castAfter && (whole || isOperand(inner) || isComparison(inner) || andOperand)) {
        tokens.remove(close);
        tokens.remove(open);
        return true;
      }
    }
    return false;
  }

  /** What may stand beside an operand of AND or OR. */
  private static final Set<String> LOGICAL = Set.of("AND", "OR", "(", ")");

  /**
   * Terms joined by AND with no OR at the top level: beside AND or OR its parentheses cannot
   * matter, as AND binds more tightly ({@code a <> 1 OR (b IS NOT NULL AND c IS NOT NULL)}, which
   * MariaDB keeps without them).
   */
  private static boolean isConjunction(List<String> inner) {
    boolean and = false;
    int depth = 0;
    for (String t : inner) {
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth--;
      } else if (depth == 0 && t.equals("OR")) {
        return false;
      } else if (depth == 0 && t.equals("AND")) {
        and = true;
      }
    }
    return and;
  }

  private static boolean isOperand(List<String> inner) {
    return inner.size() == 1
        || inner.size() == 2 && inner.get(0).equals("-") && isWord(inner.get(1));
  }

  /** A comparison with no AND or OR at its top level. */
  private static boolean isComparison(List<String> inner) {
    boolean comparison = false;
    int depth = 0;
    for (String t : inner) {
      if (t.equals("(")) {
        depth++;
      } else if (t.equals(")")) {
        depth--;
      } else if (depth == 0 && (t.equals("AND") || t.equals("OR"))) {
        return false;
      } else if (depth == 0 && COMPARISONS.contains(t)) {
        comparison = true;
      }
    }
    return comparison;
  }

  private static int closing(List<String> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).equals("(")) {
        depth++;
      } else if (tokens.get(i).equals(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a minus after {@code t} is unary. */
  private static boolean isOperator(String t) {
    return !isWord(t) && !t.equals(")") && !t.startsWith("'") || KEYWORDS.contains(t);
  }

  private static boolean isWord(String t) {
    return !t.isEmpty() && (Character.isLetterOrDigit(t.charAt(0)) || t.charAt(0) == '_');
  }

  /** Tokens joined by spaces, except inside calls and casts and after a unary minus. */
  private static String join(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String prev = i == 0 ? null : tokens.get(i - 1);
      boolean tight =
          prev == null
              || prev.equals("(")
              || prev.equals("::")
              || t.equals(")")
              || t.equals(",")
              || t.equals("::")
              || t.equals("(") && isWord(prev) && !KEYWORDS.contains(prev)
              || prev.equals("-") && (i == 1 || isOperator(tokens.get(i - 2)));
      if (!tight) {
        out.append(' ');
      }
      out.append(t);
    }
    return out.toString();
  }
}
