package dev.retort.script;

import dev.retort.error.MigrationFileException;
import dev.retort.script.JavaTokens.Token;
import dev.retort.script.JavaTokens.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code @Revision} annotation of a Java migration and the class it sits on, read with {@link
 * JavaTokens}. Reading stops at the class name, so the body is never scanned.
 */
record JavaHeader(
    String id,
    List<String> revises,
    List<String> branchLabels,
    List<String> dependsOn,
    String message,
    boolean transactional,
    String className) {

  private static final List<String> KEYS =
      List.of("id", "revises", "branchLabels", "dependsOn", "message", "transactional", "created");

  private static final Set<String> MODIFIERS =
      Set.of(
          "public",
          "protected",
          "private",
          "final",
          "abstract",
          "static",
          "sealed",
          "non",
          "strictfp");

  Revision toRevision(Path file, String checksum) {
    return new Revision(
        id,
        revises,
        Set.copyOf(branchLabels),
        dependsOn,
        message,
        transactional,
        Optional.of(file),
        Revision.Format.JAVA,
        checksum);
  }

  static JavaHeader read(Path file, String content) {
    JavaTokens tokens = new JavaTokens(file, content);
    Token at = findAnnotation(file, tokens);
    Map<String, Object> values = elements(file, tokens, at);
    String className = className(file, tokens);
    if (!values.containsKey("id")) {
      throw new MigrationFileException(file, at.line(), "@Revision has no id; add id = \"...\"");
    }
    return new JavaHeader(
        (String) values.get("id"),
        strings(values.get("revises")),
        strings(values.get("branchLabels")),
        strings(values.get("dependsOn")),
        (String) values.getOrDefault("message", ""),
        (Boolean) values.getOrDefault("transactional", Boolean.TRUE),
        className);
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    return value instanceof String single ? List.of(single) : (List<String>) value;
  }

  /** Positions the tokens just after {@code @Revision} and returns the {@code @} token. */
  private static Token findAnnotation(Path file, JavaTokens tokens) {
    while (true) {
      Token t = tokens.next();
      if (t.type() == Type.EOF) {
        throw new MigrationFileException(
            file,
            1,
            "no @Revision annotation; a Java migration needs @Revision(id = \"...\", ...)");
      }
      if (t.is("@") && tokens.peek().type() == Type.IDENT) {
        String name = qualifiedName(tokens);
        if (name.equals("Revision") || name.endsWith(".Revision")) {
          return t;
        }
      }
    }
  }

  private static String qualifiedName(JavaTokens tokens) {
    StringBuilder name = new StringBuilder(tokens.next().text());
    while (tokens.peek().is(".")) {
      tokens.next();
      Token part = tokens.next();
      name.append('.').append(part.text());
    }
    return name.toString();
  }

  private static Map<String, Object> elements(Path file, JavaTokens tokens, Token at) {
    Map<String, Object> values = new HashMap<>();
    expect(file, tokens, "(", "after @Revision");
    if (tokens.peek().is(")")) {
      tokens.next();
      return values;
    }
    while (true) {
      Token key = tokens.next();
      if (key.type() != Type.IDENT) {
        throw new MigrationFileException(
            file,
            key.line(),
            "expected a key such as id = \"...\" in @Revision, found '" + key.text() + "'");
      }
      if (!KEYS.contains(key.text())) {
        throw new MigrationFileException(
            file,
            key.line(),
            "unknown key '"
                + key.text()
                + "' in @Revision; known keys: "
                + String.join(", ", KEYS));
      }
      expect(file, tokens, "=", "after '" + key.text() + "'");
      Object value = value(file, tokens, key);
      if (values.put(key.text(), check(file, key, value)) != null) {
        throw new MigrationFileException(
            file, key.line(), "duplicate key '" + key.text() + "' in @Revision");
      }
      Token sep = tokens.next();
      if (sep.is(")")) {
        return values;
      }
      if (!sep.is(",")) {
        throw new MigrationFileException(
            file, sep.line(), "expected ',' or ')' in @Revision, found '" + sep.text() + "'");
      }
    }
  }

  private static Object value(Path file, JavaTokens tokens, Token key) {
    Token t = tokens.next();
    if (t.type() == Type.STRING) {
      StringBuilder s = new StringBuilder(t.text());
      while (tokens.peek().is("+")) {
        tokens.next();
        Token more = tokens.next();
        if (more.type() != Type.STRING) {
          throw new MigrationFileException(
              file, more.line(), "only string literals can be joined with + in @Revision");
        }
        s.append(more.text());
      }
      return s.toString();
    }
    if (t.is("true") || t.is("false")) {
      return Boolean.valueOf(t.text());
    }
    if (t.is("{")) {
      Set<String> items = new LinkedHashSet<>();
      while (!tokens.peek().is("}")) {
        Object item = value(file, tokens, key);
        if (!(item instanceof String str)) {
          throw new MigrationFileException(
              file, t.line(), "'" + key.text() + "' takes strings, as in { \"a\", \"b\" }");
        }
        if (!items.add(str)) {
          throw new MigrationFileException(
              file, t.line(), "'" + key.text() + "' lists '" + str + "' twice");
        }
        if (tokens.peek().is(",")) {
          tokens.next();
        } else if (!tokens.peek().is("}")) {
          throw new MigrationFileException(
              file, tokens.peek().line(), "expected ',' or '}' in '" + key.text() + "'");
        }
      }
      tokens.next();
      return new ArrayList<>(items);
    }
    throw new MigrationFileException(
        file,
        t.line(),
        t.type() == Type.EOF
            ? "@Revision is not closed"
            : "'"
                + key.text()
                + "' must be a string literal, true/false or { ... }, not '"
                + t.text()
                + "'");
  }

  private static Object check(Path file, Token key, Object value) {
    int line = key.line();
    switch (key.text()) {
      case "id", "message", "created" -> {
        if (!(value instanceof String)) {
          throw new MigrationFileException(file, line, "'" + key.text() + "' must be a string");
        }
        if (key.text().equals("id")) {
          HeaderParser.checkId(file, line, "revision", (String) value);
        } else if (key.text().equals("message")) {
          HeaderParser.checkMessage(file, line, (String) value);
        }
      }
      case "transactional" -> {
        if (!(value instanceof Boolean)) {
          throw new MigrationFileException(file, line, "'transactional' must be true or false");
        }
      }
      default -> {
        if (value instanceof Boolean) {
          throw new MigrationFileException(
              file, line, "'" + key.text() + "' takes a string or { \"a\", \"b\" }");
        }
        for (String item : strings(value)) {
          if (key.text().equals("branchLabels")) {
            HeaderParser.checkLabel(file, line, item);
          } else {
            HeaderParser.checkId(file, line, key.text(), item);
          }
        }
      }
    }
    return value;
  }

  /** Skips modifiers and other annotations up to {@code class|record|interface|enum Name}. */
  private static String className(Path file, JavaTokens tokens) {
    while (true) {
      Token t = tokens.next();
      if (t.is("@") && tokens.peek().type() == Type.IDENT) {
        qualifiedName(tokens);
        if (tokens.peek().is("(")) {
          skipParens(tokens);
        }
      } else if (t.type() == Type.IDENT && MODIFIERS.contains(t.text())) {
        continue;
      } else if (t.is("class") || t.is("record") || t.is("interface") || t.is("enum")) {
        Token name = tokens.next();
        if (name.type() != Type.IDENT) {
          throw new MigrationFileException(file, name.line(), "expected a class name");
        }
        return name.text();
      } else if (t.is("-")) {
        continue;
      } else {
        throw new MigrationFileException(
            file,
            t.line(),
            "expected the migration class after @Revision, found '" + t.text() + "'");
      }
    }
  }

  private static void skipParens(JavaTokens tokens) {
    int depth = 0;
    do {
      Token t = tokens.next();
      if (t.is("(")) {
        depth++;
      } else if (t.is(")")) {
        depth--;
      } else if (t.type() == Type.EOF) {
        return;
      }
    } while (depth > 0);
  }

  private static void expect(Path file, JavaTokens tokens, String punct, String where) {
    Token t = tokens.next();
    if (!t.is(punct)) {
      throw new MigrationFileException(
          file, t.line(), "expected '" + punct + "' " + where + ", found '" + t.text() + "'");
    }
  }
}
