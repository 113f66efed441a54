package dev.retort.dialect.mysql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server the renderer writes for: MariaDB or MySQL, and its version. The two diverge in a few
 * places, each a flag here, so that one renderer serves both instead of a fork per server.
 *
 * <p>{@link #PORTABLE} is used offline ({@code --sql}), where no server can be asked: it picks the
 * spelling that MariaDB 10.6+ and MySQL 8.0.19+ both accept.
 *
 * @param mariaDb MariaDB rather than MySQL
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param noBackslashEscapes the session's {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES}, so a
 *     backslash in a string literal is an ordinary character
 */
record MySqlServer(boolean mariaDb, int major, int minor, int patch, boolean noBackslashEscapes) {

  /** The common ground of MariaDB 10.6 and MySQL 8.0.19, with the default sql_mode. */
  static final MySqlServer PORTABLE = new MySqlServer(false, 8, 0, 19, false);

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * Reads {@code DatabaseMetaData.getDatabaseProductVersion()}, e.g. {@code
   * 10.11.6-MariaDB-0+deb12u1} or {@code 8.0.36}. MariaDB 10 servers announce themselves with a
   * {@code 5.5.5-} prefix in the handshake, for old MySQL clients; a driver that passes it on has
   * it skipped here.
   */
  /** The server a connection talks to: the driver's metadata and the session's sql_mode. */
  static MySqlServer read(java.sql.Connection connection) {
    try (java.sql.Statement st = connection.createStatement();
        java.sql.ResultSet rs = st.executeQuery(MySqlCatalogQueries.SQL_MODE)) {
      java.sql.DatabaseMetaData meta = connection.getMetaData();
      return parse(
          meta.getDatabaseProductName(),
          meta.getDatabaseProductVersion(),
          rs.next() ? rs.getString(1) : "");
    } catch (java.sql.SQLException e) {
      throw new dev.retort.error.DatabaseException(
          "Cannot read the MySQL/MariaDB server version: " + e.getMessage(), e);
    }
  }

  static MySqlServer parse(String productName, String productVersion, String sqlMode) {
    String version = productVersion == null ? "" : productVersion;
    boolean mariaDb =
        version.toLowerCase(Locale.ROOT).contains("mariadb")
            || (productName != null && productName.toLowerCase(Locale.ROOT).contains("mariadb"));
    if (version.startsWith("5.5.5-")) {
      version = version.substring("5.5.5-".length());
    }
    Matcher m = VERSION.matcher(version);
    if (!m.find()) {
      return new MySqlServer(
          mariaDb, PORTABLE.major, PORTABLE.minor, PORTABLE.patch, noBackslashEscapes(sqlMode));
    }
    return new MySqlServer(
        mariaDb,
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        noBackslashEscapes(sqlMode));
  }

  private static boolean noBackslashEscapes(String sqlMode) {
    return sqlMode != null && sqlMode.toUpperCase(Locale.ROOT).contains("NO_BACKSLASH_ESCAPES");
  }

  /** At least {@code major.minor.patch}. */
  boolean atLeast(int ma, int mi, int pa) {
    return major != ma ? major > ma : minor != mi ? minor > mi : patch >= pa;
  }

  /**
   * {@code ALTER TABLE ... RENAME COLUMN a TO b}: MariaDB 10.5.2 and MySQL 8.0.3. Without it a
   * rename needs {@code CHANGE COLUMN} with the whole definition.
   */
  boolean renameColumn() {
    return mariaDb ? atLeast(10, 5, 2) : atLeast(8, 0, 3);
  }

  /**
   * CHECK constraints are enforced: MariaDB 10.2.1 and MySQL 8.0.16. Older servers parse CHECK and
   * ignore it, which would make a migration claim a rule it does not keep.
   */
  boolean checkEnforced() {
    return mariaDb ? atLeast(10, 2, 1) : atLeast(8, 0, 16);
  }

  /**
   * How a CHECK constraint is dropped. MySQL has {@code DROP CHECK} from 8.0.16 (and the generic
   * {@code DROP CONSTRAINT} only from 8.0.19); MariaDB has no {@code DROP CHECK} and drops checks
   * with {@code DROP CONSTRAINT} ("ALTER TABLE" in the MariaDB Knowledge Base).
   */
  String dropCheckClause() {
    return mariaDb || atLeast(8, 0, 19) ? "DROP CONSTRAINT " : "DROP CHECK ";
  }

  /**
   * {@code DROP CONSTRAINT name} drops a constraint of any kind: MySQL 8.0.19 ("ALTER TABLE
   * Statement", "Foreign Keys and Other Constraints"). MariaDB drops checks, unique keys and
   * foreign keys this way (MySqlRenderIT verifies it on the local server); releases before the
   * supported 10.6 are not relied on. The renderer prefers the kind's own clause whenever it knows
   * the kind, and falls back to this only offline without the constraint's definition.
   */
  boolean genericDropConstraint() {
    return mariaDb ? atLeast(10, 6, 0) : atLeast(8, 0, 19);
  }

  /** "MariaDB 10.11.6" or "MySQL 8.0.36", for messages. */
  String describe() {
    return (mariaDb ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
  }
}
