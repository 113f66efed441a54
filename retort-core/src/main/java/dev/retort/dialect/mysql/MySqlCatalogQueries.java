package dev.retort.dialect.mysql;

/**
 * The {@code information_schema} queries of {@link MySqlInspector}, a fixed number however many
 * tables there are. Each takes the database (NULL: the connection's current one) and, when {@link
 * #oneTable} narrows it, the table name twice. Views in {@code information_schema} compare names
 * case-insensitively (they use a {@code _general_ci} collation), while table names on a
 * case-sensitive file system are not, hence the extra {@code BINARY} comparison; the plain one is
 * kept because MariaDB and MySQL open only the named table for it instead of every table.
 */
final class MySqlCatalogQueries {

  private MySqlCatalogQueries() {}

  /** Where {@code ONE_TABLE} stands in a query: narrowed to one table, or every table. */
  private static final String ONE_TABLE = "/*one table*/";

  /** {@code sql} for the table named by two more parameters, or (false) for every table. */
  static String oneTable(String sql, boolean one, String tableColumn) {
    return sql.replace(
        ONE_TABLE, one ? "AND " + tableColumn + " = ? AND BINARY " + tableColumn + " = ?" : "");
  }

  /**
   * Tables with their options: the engine, the default collation and its character set, and
   * CREATE_OPTIONS, which lists the options a definition stated ({@code row_format=DYNAMIC
   * stats_persistent=1}) and nothing the server filled in.
   */
  static final String TABLES =
      """
      SELECT t.TABLE_NAME, t.TABLE_COMMENT, t.ENGINE, t.TABLE_COLLATION, c.CHARACTER_SET_NAME,
             t.CREATE_OPTIONS
      FROM information_schema.TABLES t
      LEFT JOIN information_schema.COLLATIONS c ON c.COLLATION_NAME = t.TABLE_COLLATION
      WHERE t.TABLE_SCHEMA = COALESCE(?, DATABASE()) /*one table*/
        AND t.TABLE_TYPE = 'BASE TABLE'
      ORDER BY t.TABLE_NAME""";

  static final String COLUMNS =
      """
      SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT,
             COLLATION_NAME
      FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) /*one table*/
      ORDER BY TABLE_NAME, ORDINAL_POSITION""";

  /** Primary key, unique and foreign key columns, in key order; checks have no key columns. */
  static final String KEY_COLUMNS =
      """
      SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,
             k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
             DATABASE() AS CURRENT_DB
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.KEY_COLUMN_USAGE k
        ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME
       AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) /*one table*/
        AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_TYPE, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  static final String REFERENTIAL_ACTIONS =
      """
      SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE
      FROM information_schema.REFERENTIAL_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) /*one table*/""";

  /**
   * MariaDB: check names are unique per table, and CHECK_CONSTRAINTS has the table and whether the
   * check was written on a column or on the table (LEVEL, MariaDB 10.5.10).
   */
  static final String CHECKS_MARIADB =
      """
      SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL
      FROM information_schema.CHECK_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = COALESCE(?, DATABASE()) /*one table*/
      ORDER BY TABLE_NAME, CONSTRAINT_NAME""";

  /** MySQL: check names are unique per database, and CHECK_CONSTRAINTS has no table column. */
  static final String CHECKS_MYSQL =
      """
      SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table' AS LEVEL
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.CHECK_CONSTRAINTS cc
        ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = COALESCE(?, DATABASE()) /*one table*/ AND tc.CONSTRAINT_TYPE = 'CHECK'
      ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME""";

  /**
   * Every key's columns, in the order the server lists the keys (which {@code SHOW CREATE TABLE}
   * shows, and which is their creation order within each kind: unique keys, then plain ones): that
   * is the order the rows come in, so there is no ORDER BY. SEQ_IN_INDEX places each column.
   */
  static final String INDEXES =
      """
      SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, INDEX_TYPE,
             SEQ_IN_INDEX
      FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) /*one table*/""";

  static final String SQL_MODE = "SELECT @@SESSION.sql_mode";
}
