package dev.retort.dialect.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema holds that Retort's model leaves out: base types (written in C) and privileges.
 * Read from the current schema in one query, so that a desired {@code schema.sql} that declares
 * them is reported, never silently reduced. Objects that belong to an extension are its own
 * business and are not listed.
 */
final class PostgresUnmodelled {
  private PostgresUnmodelled() {}

  private static final String QUERY =
      """
      WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = current_schema()),
      own AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
      SELECT kind, name FROM (
        SELECT 'base type' AS kind, t.typname AS name
          FROM pg_type t
         WHERE t.typnamespace = (SELECT oid FROM ns) AND t.oid NOT IN (SELECT objid FROM own)
           AND t.typtype = 'b' AND t.typelem = 0 AND t.typname NOT LIKE '\\_%'
        UNION ALL
        SELECT 'privileges (grants are not reproduced) on', c.relname
          FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relacl IS NOT NULL
           AND c.oid NOT IN (SELECT objid FROM own)
        UNION ALL
        SELECT 'privileges (grants are not reproduced) on', p.oid::regprocedure::text
          FROM pg_proc p WHERE p.pronamespace = (SELECT oid FROM ns) AND p.proacl IS NOT NULL
           AND p.oid NOT IN (SELECT objid FROM own)
      ) x ORDER BY kind, name
      """;

  /** One line per object, such as {@code function unix_timestamp(timestamp with time zone)}. */
  static List<String> read(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        out.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    return out;
  }
}
