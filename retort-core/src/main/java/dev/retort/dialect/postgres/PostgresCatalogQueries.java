package dev.retort.dialect.postgres;

/**
 * The catalog queries of {@link PostgresInspector}: one per kind of object, each over every table
 * of the schemas asked for (the parameter is a text array of schema names), so that inspecting
 * 1,000 tables costs the same eight round trips as inspecting one. Objects that belong to an
 * extension (pg_depend deptype 'e', such as PostGIS's {@code spatial_ref_sys}) come with their
 * extension and are left out.
 *
 * <p>Each query calls the server's deparsing functions ({@code pg_get_expr}, {@code
 * pg_get_constraintdef}, {@code pg_get_indexdef}) only where the text is needed: each call opens
 * the relation, and on a fresh connection that builds a cache entry per table, which made the
 * constraint and index queries cost 100 ms each at 1,000 tables. Comments come from a join on
 * {@code pg_description}, not {@code obj_description()}, a SQL function run once per row.
 */
final class PostgresCatalogQueries {
  private PostgresCatalogQueries() {}

  /**
   * Ordinary and partitioned tables, with their comments, partition keys and the tables they
   * inherit from (those of another schema named with it); not the partitions, which are schema
   * objects ({@link PostgresObjectQueries}).
   */
  static final String TABLES =
      """
      SELECT c.oid, n.nspname, c.relname, ds.description,
             CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
             (SELECT string_agg(CASE WHEN p.relnamespace = c.relnamespace THEN '' ELSE pn.nspname || '.'
                                END || p.relname, ', ' ORDER BY i.inhseqno)
              FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
              JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_description ds
        ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND NOT c.relispartition
        AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                        AND x.objid = c.oid AND x.deptype = 'e')
      ORDER BY n.nspname, c.relname""";

  /**
   * Columns in table order, with type text, default expression, identity kind, comment, the
   * collation when it is not the type's default, and whether the default draws from a sequence the
   * column owns: that is what serial creates, where a default calling {@code nextval} on a sequence
   * of its own is a plain expression.
   *
   * <p>A default cannot refer to a column, so its text is deparsed without its table (relation 0,
   * which the manual allows for an expression without Vars): given the table, {@code pg_get_expr}
   * opens it, which on a fresh connection cost 40 ms for the 2,000 defaults of 1,000 tables. A
   * generated column's expression does refer to columns and keeps its table.
   */
  static final String COLUMNS =
      """
      SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
             pg_get_expr(d.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE d.adrelid END),
             a.attidentity, ds.description,
             CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                  THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END,
             EXISTS (SELECT 1 FROM pg_depend dd
                     JOIN pg_depend od ON od.classid = 'pg_class'::regclass AND od.objid = dd.refobjid
                      AND od.deptype = 'a' AND od.refobjid = a.attrelid AND od.refobjsubid = a.attnum
                     WHERE dd.classid = 'pg_attrdef'::regclass AND dd.objid = d.oid
                       AND dd.refclassid = 'pg_class'::regclass)
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      LEFT JOIN pg_description ds
        ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attislocal
      ORDER BY a.attrelid, a.attnum""";

  /**
   * Primary keys, unique, check and foreign key constraints. Column lists come back in key order
   * (unnest WITH ORDINALITY), the referenced table qualified by its schema; a check's text as
   * pg_get_constraintdef prints it (NULL for the others).
   */
  static final String CONSTRAINTS =
      """
      SELECT con.conrelid, con.conname, con.contype,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                   ORDER BY k.ord),
             rn.nspname, rc.relname,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                   ORDER BY k.ord),
             con.confdeltype, con.confupdtype,
             CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid) END,
             con.condeferrable, con.condeferred, con.confmatchtype = 'f'
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class rc ON rc.oid = con.confrelid
      LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
      WHERE n.nspname = ANY (?) AND con.contype IN ('p', 'u', 'c', 'f') AND con.conislocal
      ORDER BY con.conrelid, con.conname""";

  /**
   * Indexes that do not back a constraint (those come with their constraint), one row per index
   * with its key parts in order: the column name (NULL for an expression), an expression's text as
   * pg_get_indexdef prints it (NULL for a column), its indoption bits (1 DESC, 2 NULLS FIRST) and a
   * non-default operator class; then the method and the INCLUDE columns.
   */
  static final String INDEXES =
      """
      SELECT i.indrelid, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
             ARRAY(SELECT a.attname FROM generate_series(1, i.indnkeyatts) k
                   LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
                   ORDER BY k),
             ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true) END
                   FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
             ARRAY(SELECT i.indoption[k - 1]::integer FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
             ARRAY(SELECT CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname END
                   FROM generate_series(1, i.indnkeyatts) k
                   JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1] ORDER BY k),
             am.amname,
             ARRAY(SELECT a.attname FROM generate_series(i.indnkeyatts + 1, i.indnatts) k
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
                   ORDER BY k)
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
      ORDER BY i.indrelid, ic.relname""";

  /** Enum types with their values in sort order. */
  static final String ENUMS =
      """
      SELECT n.nspname, t.typname,
             ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass
                        AND x.objid = t.oid AND x.deptype = 'e')
      ORDER BY n.nspname, t.typname""";

  /** Domains: base type, nullability, default, and their named check constraints. */
  static final String DOMAINS =
      """
      SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
             ARRAY(SELECT c.conname FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'
                   ORDER BY c.conname),
             ARRAY(SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
                   WHERE c.contypid = t.oid AND c.contype = 'c' ORDER BY c.conname)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND n.nspname = ANY (?)
        AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass
                        AND x.objid = t.oid AND x.deptype = 'e')
      ORDER BY n.nspname, t.typname""";

  /**
   * Sequences with their options and owning column, except identity columns' (deptype 'i'), which
   * are modelled on their column. The last column says whether the owning column's default draws
   * from the sequence, as serial's does; the inspector leaves those out when it reads the column as
   * serial, and keeps them when the column is of another type (a domain over integer, say).
   */
  static final String SEQUENCES =
      """
      SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
             s.seqcycle, own.relname, own_n.nspname, own_a.attname,
             d.deptype = 'a' AND EXISTS (
               SELECT 1 FROM pg_attrdef ad
               JOIN pg_depend dd ON dd.classid = 'pg_attrdef'::regclass AND dd.objid = ad.oid
                AND dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid
               WHERE ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid)
      FROM pg_sequence s
      JOIN pg_class c ON c.oid = s.seqrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
       AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
      LEFT JOIN pg_class own ON own.oid = d.refobjid
      LEFT JOIN pg_namespace own_n ON own_n.oid = own.relnamespace
      LEFT JOIN pg_attribute own_a ON own_a.attrelid = d.refobjid AND own_a.attnum = d.refobjsubid
      WHERE n.nspname = ANY (?) AND (d.deptype IS NULL OR d.deptype = 'a')
        AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                        AND x.objid = c.oid AND x.deptype = 'e')
      ORDER BY n.nspname, c.relname""";

  /** Extensions installed into the schemas, except plpgsql, which every database has. */
  static final String EXTENSIONS =
      """
      SELECT e.extname, n.nspname
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE n.nspname = ANY (?) AND e.extname <> 'plpgsql'
      ORDER BY e.extname""";

  /** pg_constraint's one-letter codes for referential actions. */
  static dev.retort.schema.ReferentialAction action(String code) {
    return switch (code) {
      case "r" -> dev.retort.schema.ReferentialAction.RESTRICT;
      case "c" -> dev.retort.schema.ReferentialAction.CASCADE;
      case "n" -> dev.retort.schema.ReferentialAction.SET_NULL;
      case "d" -> dev.retort.schema.ReferentialAction.SET_DEFAULT;
      default -> dev.retort.schema.ReferentialAction.NO_ACTION;
    };
  }
}
