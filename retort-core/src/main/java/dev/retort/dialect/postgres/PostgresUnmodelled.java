package dev.retort.dialect.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema holds that Retort's model leaves out: functions and procedures, aggregates,
 * triggers, views, rules, composite and range types, operators, row-level security policies, index
 * comments and column storage settings. Read from the current schema in one query, so that a
 * desired {@code schema.sql} that declares them is reported, never silently reduced. Objects that
 * belong to an extension are its own business and are not listed.
 */
final class PostgresUnmodelled {
  private PostgresUnmodelled() {}

  private static final String QUERY =
      """
      WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = current_schema()),
      own AS (SELECT objid FROM pg_depend WHERE deptype = 'e')
      SELECT kind, name FROM (
        SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'p' THEN 'procedure'
                 ELSE 'function' END AS kind, p.oid::regprocedure::text AS name
          FROM pg_proc p WHERE p.pronamespace = (SELECT oid FROM ns)
           AND p.oid NOT IN (SELECT objid FROM own)
        UNION ALL
        SELECT 'trigger', t.tgname || ' on ' || c.relname
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE c.relnamespace = (SELECT oid FROM ns) AND NOT t.tgisinternal
        UNION ALL
        SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, c.relname
          FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('v', 'm')
           AND c.oid NOT IN (SELECT objid FROM own)
        UNION ALL
        SELECT 'rule', r.rulename || ' on ' || c.relname
          FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
         WHERE c.relnamespace = (SELECT oid FROM ns) AND r.rulename <> '_RETURN'
        UNION ALL
        SELECT CASE t.typtype WHEN 'c' THEN 'composite type' WHEN 'r' THEN 'range type'
                 ELSE 'base type' END, t.typname
          FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
         WHERE t.typnamespace = (SELECT oid FROM ns) AND t.oid NOT IN (SELECT objid FROM own)
           AND (t.typtype = 'c' AND c.relkind = 'c' OR t.typtype = 'r'
                OR t.typtype = 'b' AND t.typelem = 0 AND t.typname NOT LIKE '\\_%')
        UNION ALL
        SELECT 'operator', o.oid::regoperator::text
          FROM pg_operator o WHERE o.oprnamespace = (SELECT oid FROM ns)
           AND o.oid NOT IN (SELECT objid FROM own)
        UNION ALL
        SELECT 'policy', p.polname || ' on ' || c.relname
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
         WHERE c.relnamespace = (SELECT oid FROM ns)
        UNION ALL
        SELECT 'index comment', c.relname
          FROM pg_description d JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass
         WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind = 'i'
        UNION ALL
        SELECT 'column storage', c.relname || '.' || a.attname
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
         WHERE c.relnamespace = (SELECT oid FROM ns) AND c.relkind IN ('r', 'p') AND a.attnum > 0
           AND NOT a.attisdropped AND a.attstorage <> t.typstorage
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
