package dev.retort.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a schema holds that Retort's model leaves out: base types (written in C), privileges, and
 * (in a desired schema) objects created in other schemas. Read from the current schema in one
 * query, so that a desired {@code schema.sql} that declares them is reported, never silently
 * reduced. Objects that belong to an extension are its own business and are not listed.
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

  /**
   * Tables, views, sequences and functions in schemas other than the current one and those in
   * {@code known}: what a schema file created elsewhere ({@code CREATE SCHEMA pgq; CREATE TABLE
   * pgq.queue ...}), which Retort, managing one schema, would otherwise pass over in silence. A
   * sequence a column owns goes with its table.
   */
  private static final String ELSEWHERE =
      """
      WITH own AS (SELECT objid FROM pg_depend WHERE deptype = 'e'),
      ns AS (SELECT oid, nspname FROM pg_namespace
              WHERE nspname <> current_schema() AND nspname <> ALL (?::text[])
                AND nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%')
      SELECT kind, name FROM (
        SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                 WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' ELSE 'table' END AS kind,
               quote_ident(ns.nspname) || '.' || quote_ident(c.relname) AS name
          FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.oid NOT IN (SELECT objid FROM own)
           AND NOT c.relispartition
           AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                   AND d.deptype IN ('a', 'i')))
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                 ELSE 'function' END, p.oid::regprocedure::text
          FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
         WHERE p.oid NOT IN (SELECT objid FROM own)
      ) x ORDER BY name, kind
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

  /** The schemas of the database now, to tell afterwards which ones a schema file made. */
  static Set<String> schemas(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * {@link #read}, and a line for each object in a schema that is neither the current one nor in
   * {@code known}, such as {@code table pgq.queue (outside the managed schema public)}; {@code
   * managed} is the live schema the current one stands for.
   */
  static List<String> read(Connection c, Set<String> known, String managed) throws SQLException {
    List<String> out = read(c);
    try (PreparedStatement st = c.prepareStatement(ELSEWHERE)) {
      st.setArray(1, c.createArrayOf("text", known.toArray()));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " (outside the managed schema "
                  + managed
                  + ")");
        }
      }
    }
    return out;
  }
}
