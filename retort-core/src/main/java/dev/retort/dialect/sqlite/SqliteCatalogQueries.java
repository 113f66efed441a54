package dev.retort.dialect.sqlite;

/**
 * The catalog queries of {@link SqliteInspector}: PRAGMA table-valued functions
 * (https://www.sqlite.org/pragma.html#pragfunc) joined to {@code sqlite_master}, so that one query
 * reads a kind of thing for every table at once. {@code MASTER} stands for the schema's {@code
 * sqlite_master}, {@code SCHEMA} for the schema argument of the PRAGMA functions, and {@code ONE}
 * for the condition that narrows a query to one table (a bound name).
 */
final class SqliteCatalogQueries {
  private SqliteCatalogQueries() {}

  static final String TABLES =
      """
      SELECT m.name, m.sql FROM MASTER m
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ONE
      ORDER BY m.name""";

  static final String COLUMNS =
      """
      SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk
      FROM MASTER m JOIN pragma_table_info(m.name SCHEMA) p
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ONE
      ORDER BY m.name, p.cid""";

  static final String FOREIGN_KEYS =
      """
      SELECT m.name, f.id, f."table", f."from", f."to", f.on_delete, f.on_update
      FROM MASTER m JOIN pragma_foreign_key_list(m.name SCHEMA) f
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ONE
      ORDER BY m.name, f.id, f.seq""";

  /**
   * Indexes made by CREATE INDEX (origin 'c'), with their statement and each key column, its order
   * and its collation.
   */
  static final String INDEX_KEYS =
      """
      SELECT m.name, l.name, l."unique", i.sql, x.name, x."desc", x.coll
      FROM MASTER m JOIN pragma_index_list(m.name SCHEMA) l
      JOIN pragma_index_xinfo(l.name SCHEMA) x
      LEFT JOIN MASTER i ON i.type = 'index' AND i.name = l.name
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND l.origin = 'c'
        AND x."key" = 1 ONE
      ORDER BY m.name, l.name, x.seqno""";

  /**
   * Views and triggers with the statement that made each, as SQLite keeps it: the text as written,
   * with only its first keywords normalised (https://www.sqlite.org/schematab.html).
   */
  static final String OBJECTS =
      """
      SELECT m.type, m.name, m.tbl_name, m.sql FROM MASTER m
      WHERE m.type IN ('view', 'trigger') AND m.sql IS NOT NULL
        AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
      ORDER BY m.type DESC, m.name""";

  /** {@code sql} for the schema {@code master} names and its PRAGMA argument, narrowed or not. */
  static String query(String sql, String master, String schemaArgument, boolean one) {
    return sql.replace("MASTER", master)
        .replace("SCHEMA", schemaArgument)
        .replace(" ONE", one ? " AND m.name = ? COLLATE NOCASE" : "");
  }
}
