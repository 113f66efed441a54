package dev.retort.source;

import dev.retort.script.SqlSplitter;
import dev.retort.script.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A desired-state SQL file as users have it: an application's install script, {@code pg_dump
 * --schema-only}, {@code mariadb-dump --no-data}, {@code sqlite3 .dump}. Besides the schema these
 * hold transaction control, session settings, psql meta-commands, ownership and privileges, and
 * seed data. What the scratch copy must not run is left out; seed data runs (a later statement may
 * need it) but is not schema. Each kind gets one note for the user.
 */
final class SchemaScript {
  /**
   * What to load, and what to tell the user about it.
   *
   * @param statements the statements to run in the scratch copy, each with its line in the file
   * @param notes one line per kind of statement left out, or run but not part of the schema
   */
  record Loaded(List<Statement> statements, List<String> notes) {}

  /** {@code pg_dump}'s data block: the COPY line, then rows up to a line holding {@code \.}. */
  private static final Pattern COPY_FROM_STDIN =
      Pattern.compile(
          "(?i)COPY\\s+(\\S+(?:\\s*\\.\\s*\\S+)?)\\s*(?:\\([^)]*\\))?\\s+FROM\\s+stdin\\b.*");

  /** A MySQL executable comment wrapping a whole statement, {@code /*!40101 SET ... *}{@code /}. */
  private static final Pattern EXECUTABLE_COMMENT =
      Pattern.compile("(?s)/\\*!\\d*\\s*(.*?)\\s*\\*/\\s*");

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  private static final Pattern OWNER_TO = Pattern.compile("(?is)ALTER\\s.*\\sOWNER\\s+TO\\s+\\S+");

  /** A name as written, maybe qualified and quoted: {@code "public"."users"}, {@code `users`}. */
  private static final Pattern NAME =
      Pattern.compile(
          "((?:\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+]|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|`[^`]+`|\\[[^\\]]+]|[\\w$]+))*)");

  /** Values of the driver's settings that it keeps anyway, which may run as written. */
  private static final Pattern DRIVER_VALUE =
      Pattern.compile(
          "(?is)SET\\s+(?:SESSION\\s+|LOCAL\\s+)?(?:(?:client_encoding|NAMES)\\s*(?:=|TO)?\\s*'?"
              + "(?:utf-?8|unicode|utf8mb4)'?|DateStyle\\s*(?:=|TO)\\s*'?ISO\\b.*)(?:\\s+COLLATE\\s+.*)?");

  private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|--[^\\n]*");

  private static final Pattern SEQUENCE_CALL = Pattern.compile("(?i)\\b(setval|nextval)\\s*\\(");

  private final String fileName;
  private final List<Statement> run = new ArrayList<>();
  private final Map<String, Integer> transactionControl = new LinkedHashMap<>();
  private final Map<String, Integer> data = new LinkedHashMap<>();
  private final Map<String, Integer> privileges = new LinkedHashMap<>();
  private final List<String> metaCommands = new ArrayList<>();
  private final List<String> sessionSettings = new ArrayList<>();
  private final List<String> databases = new ArrayList<>();
  private final List<String> serverSettings = new ArrayList<>();
  private final List<String> internal = new ArrayList<>();
  private int firstTransactionLine;

  /** Whether the file is MySQL's, where a SCHEMA is a database and SET GLOBAL is server-wide. */
  private final boolean mysql;

  private SchemaScript(String fileName, boolean mysql) {
    this.fileName = fileName;
    this.mysql = mysql;
  }

  /**
   * The statements of {@code text}, read from a file called {@code fileName}, and the notes.
   *
   * @throws IllegalArgumentException when the text cannot be split (an unclosed quote)
   */
  static Loaded read(String fileName, String text) {
    return read(fileName, text, false);
  }

  /** The same, splitting as MySQL reads strings and comments when {@code mysql}. */
  static Loaded read(String fileName, String text, boolean mysql) {
    SchemaScript script = new SchemaScript(fileName, mysql);
    for (Statement s : SqlSplitter.splitScript(script.cutCopyData(text), 1, mysql)) {
      script.add(s);
    }
    return new Loaded(List.copyOf(script.run), script.notes());
  }

  /**
   * Blanks each {@code COPY ... FROM stdin;} and its rows, keeping the line count: rows are not
   * SQL, and the splitter would read their quotes and semicolons as such.
   */
  private String cutCopyData(String text) {
    if (!text.contains("\n\\.")) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = COPY_FROM_STDIN.matcher(lines[i].strip());
      if (!m.matches() || !lines[i].stripTrailing().endsWith(";")) {
        continue;
      }
      count(data, "COPY into " + unquote(m.group(1)) + " (not loaded)");
      int j = i;
      while (j < lines.length && !lines[j].strip().equals("\\.")) {
        lines[j++] = "";
      }
      if (j < lines.length) {
        lines[j] = "";
      }
      i = j;
    }
    return String.join("\n", lines);
  }

  private void add(Statement statement) {
    Statement s = withoutMetaCommands(statement);
    if (s == null) {
      return;
    }
    String sql = s.sql();
    Matcher executable = EXECUTABLE_COMMENT.matcher(sql);
    String head = executable.matches() ? executable.group(1) : sql;
    List<String> words = words(head, 4);
    String w0 = words.isEmpty() ? "" : words.get(0);
    String w1 = words.size() > 1 ? words.get(1) : "";
    String where = " (line " + s.line() + ")";
    if (isTransactionControl(words)) {
      if (transactionControl.isEmpty()) {
        firstTransactionLine = s.line();
      }
      count(transactionControl, transactionLabel(words));
    } else if (w0.equals("SET")
        && driverSetting(words) != null
        && !DRIVER_VALUE.matcher(head.strip()).matches()) {
      sessionSettings.add("SET " + driverSetting(words) + where);
    } else if (w0.equals("GRANT") || w0.equals("REVOKE")) {
      count(privileges, w0);
    } else if (w0.equals("ALTER") && w1.equals("DEFAULT")) {
      count(privileges, "ALTER DEFAULT PRIVILEGES");
    } else if (w0.equals("ALTER") && OWNER_TO.matcher(head).matches()) {
      count(privileges, "ALTER ... OWNER TO");
    } else if (isRoleStatement(words)) {
      count(privileges, w0 + " " + w1);
    } else if (w0.equals("USE")
        || (w1.equals("DATABASE") || mysql && w1.equals("SCHEMA")) && isCreateAlterDrop(w0)) {
      databases.add((w0.equals("USE") ? "USE" : w0 + " " + w1) + where);
    } else if (mysql
        && w0.equals("SET")
        && (w1.equals("GLOBAL") || w1.equals("PERSIST") || w1.equals("PERSIST_ONLY"))) {
      serverSettings.add("SET " + w1 + where);
    } else if (w0.equals("CREATE")
        && (w1.equals("TABLE") && words.size() > 2 && words.get(2).startsWith("SQLITE_"))) {
      internal.add(words.get(2).toLowerCase(Locale.ROOT) + where);
    } else if (w0.equals("COPY")) {
      count(data, "COPY into " + target(head, "COPY") + " (not loaded)");
    } else {
      String label = dataLabel(head, words);
      if (label != null) {
        count(data, label);
      }
      run.add(s);
    }
  }

  /**
   * The statement without the psql meta-command lines ({@code \restrict}, {@code \connect}, ...)
   * that the splitter glued to its start; null when nothing else is left.
   */
  private Statement withoutMetaCommands(Statement s) {
    String sql = s.sql();
    int line = s.line();
    int at = 0;
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (c == '\n') {
        line++;
        at++;
      } else if (Character.isWhitespace(c)) {
        at++;
      } else if (sql.startsWith("--", at)) {
        at = endOfLine(sql, at);
      } else if (c == '\\') {
        int end = endOfLine(sql, at);
        String command = sql.substring(at, end).strip().split("\\s+", 2)[0];
        metaCommands.add(command + " (line " + line + ")");
        at = end;
      } else {
        break;
      }
    }
    if (at == 0) {
      return s;
    }
    return at >= sql.length() ? null : new Statement(sql.substring(at).strip(), line);
  }

  private static int endOfLine(String s, int from) {
    int nl = s.indexOf('\n', from);
    return nl < 0 ? s.length() : nl;
  }

  private static boolean isTransactionControl(List<String> w) {
    if (w.isEmpty()) {
      return false;
    }
    String w0 = w.get(0);
    String w1 = w.size() > 1 ? w.get(1) : "";
    return switch (w0) {
      case "BEGIN" -> !w1.equals("ATOMIC") && !w1.equals("NOT");
      case "START" -> w1.equals("TRANSACTION");
      case "COMMIT", "ABORT", "SAVEPOINT", "RELEASE", "UNLOCK" -> true;
      case "END" -> w1.isEmpty() || w1.equals("WORK") || w1.equals("TRANSACTION");
      case "ROLLBACK" -> !w1.equals("PREPARED");
      case "LOCK" -> true;
      case "SET" ->
          w1.equals("TRANSACTION")
              || w1.equals("AUTOCOMMIT")
              || w1.equals("SESSION") && w.size() > 2 && w.get(2).equals("CHARACTERISTICS");
      default -> false;
    };
  }

  private static String transactionLabel(List<String> w) {
    String w0 = w.get(0);
    String w1 = w.size() > 1 ? w.get(1) : "";
    return switch (w0) {
      case "START", "LOCK", "UNLOCK" ->
          w0
              + (w1.equals("TABLES") || w1.equals("TRANSACTION")
                  ? " " + w1
                  : w0.equals("LOCK") ? " TABLE" : "");
      case "SET" -> "SET " + (w1.equals("SESSION") ? "SESSION CHARACTERISTICS" : w1);
      case "ROLLBACK" -> w1.equals("TO") ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK";
      default -> w0;
    };
  }

  /**
   * Settings the JDBC driver owns: pgjdbc closes the connection when the server reports a {@code
   * client_encoding} other than UTF8 or a {@code DateStyle} not starting with ISO ("This connection
   * has been closed" was all that was left of it), and Java strings are sent in the driver's
   * encoding whatever the file declared. MySQL's {@code SET NAMES} is the driver's business too.
   */
  private static String driverSetting(List<String> w) {
    int i = w.size() > 1 && (w.get(1).equals("SESSION") || w.get(1).equals("LOCAL")) ? 2 : 1;
    String name = w.size() > i ? w.get(i) : "";
    return switch (name) {
      case "CLIENT_ENCODING", "DATESTYLE" -> name.toLowerCase(Locale.ROOT);
      case "NAMES" -> "NAMES";
      case "CHARACTER" -> w.size() > i + 1 && w.get(i + 1).equals("SET") ? "CHARACTER SET" : null;
      default -> null;
    };
  }

  /** Roles and users belong to the server (MySQL's are not even transactional). */
  private static boolean isRoleStatement(List<String> w) {
    if (w.size() < 2) {
      return false;
    }
    String w1 = w.get(1);
    return isCreateAlterDrop(w.get(0))
            && (w1.equals("ROLE") || w1.equals("USER") || w1.equals("GROUP"))
        || w.get(0).equals("SET") && w1.equals("PASSWORD");
  }

  private static boolean isCreateAlterDrop(String w) {
    return w.equals("CREATE") || w.equals("ALTER") || w.equals("DROP");
  }

  /** What a data statement does, {@code INSERT into users}; null for anything else. */
  private static String dataLabel(String sql, List<String> w) {
    String w0 = w.get(0);
    switch (w0) {
      case "INSERT", "REPLACE":
        return w0 + " into " + target(sql, "INTO");
      case "UPDATE":
        return "UPDATE of " + target(sql, "UPDATE");
      case "DELETE":
        return "DELETE from " + target(sql, "FROM");
      case "MERGE":
        return "MERGE into " + target(sql, "INTO");
      case "TRUNCATE":
        return "TRUNCATE of "
            + target(sql, w.size() > 1 && w.get(1).equals("TABLE") ? "TABLE" : "TRUNCATE");
      case "SELECT":
        Matcher m = SEQUENCE_CALL.matcher(sql);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
      default:
        return null;
    }
  }

  /** The name after the first {@code keyword} (skipping MySQL's IGNORE and the like), unquoted. */
  private static String target(String sql, String keyword) {
    Matcher k = TARGETS.get(keyword).matcher(sql);
    if (!k.find()) {
      return "?";
    }
    Matcher n = NAME.matcher(sql);
    return n.find(k.end()) && n.start() == k.end() ? unquote(n.group(1)) : "?";
  }

  private static final Map<String, Pattern> TARGETS =
      Map.of(
          "INTO", afterKeyword("INTO"),
          "UPDATE", afterKeyword("UPDATE"),
          "FROM", afterKeyword("FROM"),
          "TABLE", afterKeyword("TABLE"),
          "TRUNCATE", afterKeyword("TRUNCATE"),
          "COPY", afterKeyword("COPY"));

  private static Pattern afterKeyword(String keyword) {
    return Pattern.compile(
        "(?i)\\b"
            + keyword
            + "\\b(?:\\s+(?:ONLY|IGNORE|LOW_PRIORITY|DELAYED|HIGH_PRIORITY|INTO|TABLE))*\\s+");
  }

  private static String unquote(String name) {
    return name.replaceAll("\\s*\\.\\s*", ".").replaceAll("[\"`\\[\\]]", "");
  }

  /** The first {@code n} words, upper case, skipping comments. */
  private static List<String> words(String sql, int n) {
    List<String> out = new ArrayList<>();
    String start = sql.length() > 2000 ? sql.substring(0, 2000) : sql;
    Matcher m = WORD.matcher(COMMENT.matcher(start).replaceAll(" "));
    while (out.size() < n && m.find()) {
      out.add(m.group().toUpperCase(Locale.ROOT));
    }
    return out;
  }

  private static void count(Map<String, Integer> counts, String label) {
    counts.merge(label, 1, Integer::sum);
  }

  private List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (!transactionControl.isEmpty()) {
      notes.add(
          fileName
              + ": transaction control ignored (first at line "
              + firstTransactionLine
              + "): "
              + counts(transactionControl)
              + "; the scratch copy is loaded whole and thrown away");
    }
    if (!sessionSettings.isEmpty()) {
      notes.add(
          fileName
              + ": "
              + list(sessionSettings)
              + " skipped: the connection keeps the driver's encoding and date style");
    }
    if (!metaCommands.isEmpty()) {
      notes.add(fileName + ": psql meta-commands skipped: " + list(metaCommands));
    }
    if (!privileges.isEmpty()) {
      notes.add(
          fileName
              + ": ownership, privileges and roles are not part of the schema; skipped: "
              + counts(privileges));
    }
    if (!serverSettings.isEmpty()) {
      notes.add(
          fileName
              + ": server-wide settings skipped (they would outlast the scratch copy): "
              + list(serverSettings));
    }
    if (!databases.isEmpty()) {
      notes.add(
          fileName
              + ": statements about databases skipped (the scratch copy is its own): "
              + list(databases));
    }
    if (!internal.isEmpty()) {
      notes.add(fileName + ": SQLite makes its internal tables itself; skipped: " + list(internal));
    }
    if (!data.isEmpty()) {
      notes.add(
          fileName
              + " also holds data: "
              + counts(data)
              + "; seed data is not part of the schema (write it in a migration)");
    }
    return notes;
  }

  private static String counts(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((label, n) -> parts.add(n + " " + label));
    return list(parts);
  }

  /** The first few, and how many more: a dump can hold hundreds. */
  private static String list(List<String> items) {
    int shown = Math.min(items.size(), 6);
    String text = String.join(", ", items.subList(0, shown));
    return items.size() > shown ? text + " and " + (items.size() - shown) + " more" : text;
  }
}
