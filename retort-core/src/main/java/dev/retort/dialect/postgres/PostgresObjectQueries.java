package dev.retort.dialect.postgres;

/**
 * The two catalog queries behind {@link PostgresObjects}: every object of the schemas asked for in
 * one, what each depends on in the other ({@code pg_depend}), whatever their number.
 *
 * <p>Definitions come from the server's own deparsers ({@code pg_get_functiondef}, {@code
 * pg_get_viewdef}, {@code pg_get_triggerdef}, {@code pg_get_ruledef}, {@code pg_get_indexdef},
 * {@code pg_get_expr}), in their "pretty" forms, which name what the search path makes visible
 * without its schema: the live schema and a scratch copy of the desired one then print alike. Names
 * are quoted by the server ({@code quote_ident}, {@code quote_literal}). Objects that belong to an
 * extension (pg_depend deptype 'e') are its own and left out.
 *
 * <p>Both queries are templates: {@code %1$s} is {@code true} to qualify every name with its schema
 * (when several schemas are inspected), {@code false} to name those of the one schema bare; {@code
 * %2$s} leaves out the triggers PostgreSQL 13 and later clone onto partitions. The parameter is the
 * text array of schema names.
 */
final class PostgresObjectQueries {
  private PostgresObjectQueries() {}

  /** The schemas, the relations in them with their names bare and quoted, and extension members. */
  private static final String COMMON =
      """
      WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = ANY (?)),
      ext AS (SELECT classid, objid FROM pg_depend WHERE deptype = 'e'),
      rel AS (
        SELECT c.oid, c.relkind, c.relname, c.relrowsecurity, c.relforcerowsecurity, c.reloptions,
               CASE WHEN %1$s THEN n.nspname || '.' ELSE '' END || c.relname AS raw,
               CASE WHEN %1$s THEN quote_ident(n.nspname) || '.' ELSE '' END
                 || quote_ident(c.relname) AS q
        FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
        WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass
                          AND ext.objid = c.oid)),
      fn AS (
        SELECT p.*, quote_ident(n.nspname) AS nsp,
               CASE WHEN %1$s THEN quote_ident(n.nspname) || '.' ELSE '' END
                 || quote_ident(p.proname) || '(' || oidvectortypes(p.proargtypes)
                 || ')' AS ident
        FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace
        WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass
                          AND ext.objid = p.oid)
          -- what another object makes for itself, such as a range type's constructors
          AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass
                          AND i.objid = p.oid AND i.deptype = 'i')),
      op AS (
        SELECT o.*,
               CASE WHEN %1$s THEN quote_ident(n.nspname) || '.' ELSE '' END || o.oprname AS name,
               CASE WHEN %1$s THEN quote_ident(n.nspname) || '.' ELSE '' END || o.oprname || ' ('
                 || CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END
                 || ', '
                 || CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END
                 || ')' AS ident
        FROM pg_operator o JOIN ns n ON n.oid = o.oprnamespace
        WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_operator'::regclass
                          AND ext.objid = o.oid)),
      ty AS (
        SELECT t.oid, t.typtype, t.typrelid,
               CASE WHEN %1$s THEN quote_ident(n.nspname) || '.' ELSE '' END
                 || quote_ident(t.typname) AS q
        FROM pg_type t JOIN ns n ON n.oid = t.typnamespace
        WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass
                          AND ext.objid = t.oid)),
      com AS (SELECT objoid, classoid, objsubid,
                     'COMMENT ON %%s IS ' || replace(quote_literal(description), '%%', '%%%%') AS sql
              FROM pg_description)
      """;

  /** A comment statement on the object {@code what} names, or nothing. */
  private static String comment(String classoid, String oid, String what) {
    return "ARRAY(SELECT format(com.sql, "
        + what
        + ") FROM com WHERE com.classoid = '"
        + classoid
        + "'::regclass AND com.objoid = "
        + oid
        + " AND com.objsubid = 0)";
  }

  /**
   * Every object: its kind, identity, the statements that create it (text[]), those that drop it
   * where its kind does not say (text[] or NULL), its replacement key (or NULL), and an extra: the
   * quoted schema of a function (whose definition names it), or for a comment or setting what it
   * hangs on (an index, {@code table:constraint}, {@code table:column}, a table).
   */
  static final String OBJECTS =
      COMMON
          + """
          SELECT kind, ident, creates, drops, replace_key, extra FROM (
            SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS kind,
                   p.ident, ARRAY[pg_get_functiondef(p.oid)] || %3$s AS creates,
                   NULL::text[] AS drops,
                   p.prokind::text || ':' || pg_get_function_result(p.oid) || ':'
                     || pg_get_function_arguments(p.oid) AS replace_key, p.nsp AS extra
            FROM fn p WHERE p.prokind IN ('f', 'p', 'w')
            UNION ALL
            SELECT 'AGGREGATE', p.ident,
                   ARRAY['CREATE AGGREGATE ' || substr(p.ident, 1, strpos(p.ident, '(') - 1)
                     || '(' || pg_get_function_arguments(p.oid) || ') ('
                     || concat_ws(', ',
                          'SFUNC = ' || a.aggtransfn::regproc::text,
                          'STYPE = ' || format_type(a.aggtranstype, NULL),
                          CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                          CASE WHEN a.aggfinalfn <> 0
                               THEN 'FINALFUNC = ' || a.aggfinalfn::regproc::text END,
                          CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                          CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = '
                               || CASE a.aggfinalmodify WHEN 's' THEN 'SHAREABLE'
                                    WHEN 'w' THEN 'READ_WRITE' ELSE 'READ_ONLY' END END,
                          CASE WHEN a.aggcombinefn <> 0
                               THEN 'COMBINEFUNC = ' || a.aggcombinefn::regproc::text END,
                          CASE WHEN a.aggserialfn <> 0
                               THEN 'SERIALFUNC = ' || a.aggserialfn::regproc::text END,
                          CASE WHEN a.aggdeserialfn <> 0
                               THEN 'DESERIALFUNC = ' || a.aggdeserialfn::regproc::text END,
                          CASE WHEN a.agginitval IS NOT NULL
                               THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
                          CASE WHEN a.aggmtransfn <> 0
                               THEN 'MSFUNC = ' || a.aggmtransfn::regproc::text
                                 || ', MINVFUNC = ' || a.aggminvtransfn::regproc::text
                                 || ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) END,
                          CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                          CASE WHEN a.aggmfinalfn <> 0
                               THEN 'MFINALFUNC = ' || a.aggmfinalfn::regproc::text END,
                          CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                          CASE WHEN a.aggminitval IS NOT NULL
                               THEN 'MINITCOND = ' || quote_literal(a.aggminitval) END,
                          CASE WHEN a.aggsortop <> 0
                               THEN 'SORTOP = OPERATOR(' || a.aggsortop::regoper::text || ')' END,
                          CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE'
                               WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
                          CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
                     || ')'] || %4$s,
                   NULL, NULL, NULL
            FROM fn p JOIN pg_aggregate a ON a.aggfnoid = p.oid WHERE p.prokind = 'a'
            UNION ALL
            SELECT 'OPERATOR', o.ident,
                   ARRAY['CREATE OPERATOR ' || o.name || ' ('
                     || concat_ws(', ',
                          'FUNCTION = ' || o.oprcode::regproc::text,
                          CASE WHEN o.oprleft <> 0
                               THEN 'LEFTARG = ' || format_type(o.oprleft, NULL) END,
                          CASE WHEN o.oprright <> 0
                               THEN 'RIGHTARG = ' || format_type(o.oprright, NULL) END,
                          CASE WHEN o.oprcom <> 0
                               THEN 'COMMUTATOR = OPERATOR(' || o.oprcom::regoper::text || ')' END,
                          CASE WHEN o.oprnegate <> 0
                               THEN 'NEGATOR = OPERATOR(' || o.oprnegate::regoper::text || ')' END,
                          CASE WHEN o.oprrest <> 0
                               THEN 'RESTRICT = ' || o.oprrest::regproc::text END,
                          CASE WHEN o.oprjoin <> 0 THEN 'JOIN = ' || o.oprjoin::regproc::text END,
                          CASE WHEN o.oprcanhash THEN 'HASHES' END,
                          CASE WHEN o.oprcanmerge THEN 'MERGES' END)
                     || ')'] || %5$s,
                   NULL, NULL, NULL
            FROM op o
            UNION ALL
            SELECT 'TYPE', t.q,
                   ARRAY[CASE WHEN t.typtype = 'c' THEN 'CREATE TYPE ' || t.q || ' AS ('
                     || (SELECT string_agg(quote_ident(a.attname) || ' '
                              || format_type(a.atttypid, a.atttypmod)
                              || CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                      THEN ' COLLATE ' || (SELECT quote_ident(cl.collname)
                                        FROM pg_collation cl WHERE cl.oid = a.attcollation)
                                      ELSE '' END, ', ' ORDER BY a.attnum)
                         FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                     || ')'
                     ELSE 'CREATE TYPE ' || t.q || ' AS RANGE ('
                     || concat_ws(', ',
                          'SUBTYPE = ' || format_type(r.rngsubtype, NULL),
                          CASE WHEN NOT oc.opcdefault
                               THEN 'SUBTYPE_OPCLASS = ' || quote_ident(oc.opcname) END,
                          CASE WHEN r.rngcollation <> 0
                               THEN 'COLLATION = ' || (SELECT quote_ident(cl.collname)
                                 FROM pg_collation cl WHERE cl.oid = r.rngcollation) END,
                          CASE WHEN r.rngcanonical <> 0
                               THEN 'CANONICAL = ' || r.rngcanonical::regproc::text END,
                          CASE WHEN r.rngsubdiff <> 0
                               THEN 'SUBTYPE_DIFF = ' || r.rngsubdiff::regproc::text END)
                     || ')' END] || %6$s,
                   NULL, NULL, NULL
            FROM ty t LEFT JOIN pg_class tc ON tc.oid = t.typrelid
            LEFT JOIN pg_range r ON r.rngtypid = t.oid
            LEFT JOIN pg_opclass oc ON oc.oid = r.rngsubopc
            WHERE t.typtype = 'c' AND tc.relkind = 'c' OR t.typtype = 'r'
            UNION ALL
            SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'MATERIALIZED_VIEW' END, c.q,
                   ARRAY['CREATE ' || CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'MATERIALIZED VIEW' END
                     || ' ' || c.q
                     || COALESCE(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '')
                     || E' AS\\n' || rtrim(pg_get_viewdef(c.oid, true), ';')]
                   || ARRAY(SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                            WHERE i.indrelid = c.oid ORDER BY i.indexrelid)
                   || %7$s
                   || ARRAY(SELECT format(com.sql, 'COLUMN ' || c.q || '.' || quote_ident(a.attname))
                            FROM com JOIN pg_attribute a ON a.attrelid = com.objoid
                             AND a.attnum = com.objsubid
                            WHERE com.classoid = 'pg_class'::regclass AND com.objoid = c.oid
                              AND com.objsubid > 0 ORDER BY a.attnum),
                   NULL, NULL, NULL
            FROM rel c WHERE c.relkind IN ('v', 'm')
            UNION ALL
            -- a partition: its parent, its bounds, and its own partition key if it has one
            SELECT 'PARTITION', c.q,
                   ARRAY['CREATE TABLE ' || c.q || ' PARTITION OF ' || pr.q || ' '
                     || pg_get_expr(pc.relpartbound, c.oid)
                     || COALESCE(' PARTITION BY ' || pg_get_partkeydef(c.oid), '')],
                   NULL,
                   'PARTITION OF ' || pr.q
                     || COALESCE(' PARTITION BY ' || pg_get_partkeydef(c.oid), ''),
                   CASE WHEN ppc.relispartition THEN pr.q ELSE pr.raw END
            FROM rel c JOIN pg_class pc ON pc.oid = c.oid AND pc.relispartition AND c.relkind IN ('r', 'p')
            JOIN pg_inherits i ON i.inhrelid = c.oid
            JOIN rel pr ON pr.oid = i.inhparent JOIN pg_class ppc ON ppc.oid = pr.oid
            UNION ALL
            SELECT 'TRIGGER', quote_ident(t.tgname) || ' ON ' || c.q,
                   ARRAY[pg_get_triggerdef(t.oid, true)]
                   || CASE t.tgenabled
                        WHEN 'D' THEN ARRAY['ALTER TABLE ' || c.q || ' DISABLE TRIGGER '
                                            || quote_ident(t.tgname)]
                        WHEN 'R' THEN ARRAY['ALTER TABLE ' || c.q || ' ENABLE REPLICA TRIGGER '
                                            || quote_ident(t.tgname)]
                        WHEN 'A' THEN ARRAY['ALTER TABLE ' || c.q || ' ENABLE ALWAYS TRIGGER '
                                            || quote_ident(t.tgname)]
                        ELSE ARRAY[]::text[] END
                   || %8$s,
                   NULL, NULL, NULL
            FROM pg_trigger t JOIN rel c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal %2$s
            UNION ALL
            SELECT 'RULE', quote_ident(w.rulename) || ' ON ' || c.q,
                   ARRAY[rtrim(pg_get_ruledef(w.oid, true), ';')] || %9$s, NULL, NULL, NULL
            FROM pg_rewrite w JOIN rel c ON c.oid = w.ev_class WHERE w.rulename <> '_RETURN'
            UNION ALL
            SELECT 'POLICY', quote_ident(p.polname) || ' ON ' || c.q,
                   ARRAY['CREATE POLICY ' || quote_ident(p.polname) || ' ON ' || c.q
                     || CASE WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END
                     || CASE p.polcmd WHEN 'r' THEN ' FOR SELECT' WHEN 'a' THEN ' FOR INSERT'
                          WHEN 'w' THEN ' FOR UPDATE' WHEN 'd' THEN ' FOR DELETE' ELSE '' END
                     || ' TO ' || (SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC'
                                          ELSE quote_ident(pg_get_userbyid(r)) END, ', ')
                                   FROM unnest(p.polroles) r)
                     || COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
                     || COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')',
                                 '')] || %10$s,
                   NULL, NULL, NULL
            FROM pg_policy p JOIN rel c ON c.oid = p.polrelid
            UNION ALL
            SELECT 'ROW_SECURITY', c.q,
                   ARRAY(SELECT 'ALTER TABLE ' || c.q || ' ' || s || ' ROW LEVEL SECURITY'
                         FROM unnest(ARRAY[CASE WHEN c.relrowsecurity THEN 'ENABLE' END,
                                           CASE WHEN c.relforcerowsecurity THEN 'FORCE' END]) s
                         WHERE s IS NOT NULL),
                   NULL, NULL, c.raw
            FROM rel c WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
            UNION ALL
            SELECT 'COMMENT', 'INDEX ' || i.q, ARRAY[format(com.sql, 'INDEX ' || i.q)], NULL, '',
                   i.raw
            FROM rel i JOIN com ON com.classoid = 'pg_class'::regclass AND com.objoid = i.oid
            WHERE i.relkind = 'i'
            UNION ALL
            SELECT 'COMMENT', 'CONSTRAINT ' || quote_ident(k.conname) || ' ON ' || c.q,
                   ARRAY[format(com.sql, 'CONSTRAINT ' || quote_ident(k.conname) || ' ON ' || c.q)],
                   NULL, '', c.raw || ':' || k.conname
            FROM pg_constraint k JOIN rel c ON c.oid = k.conrelid
            JOIN com ON com.classoid = 'pg_constraint'::regclass AND com.objoid = k.oid
            UNION ALL
            SELECT 'STORAGE', c.q || '.' || quote_ident(a.attname),
                   ARRAY['ALTER TABLE ' || c.q || ' ALTER COLUMN ' || quote_ident(a.attname)
                     || ' SET STORAGE ' || CASE a.attstorage WHEN 'p' THEN 'PLAIN'
                          WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END],
                   ARRAY['ALTER TABLE ' || c.q || ' ALTER COLUMN ' || quote_ident(a.attname)
                     || ' SET STORAGE ' || CASE t.typstorage WHEN 'p' THEN 'PLAIN'
                          WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END],
                   '', c.raw || ':' || a.attname
            FROM pg_attribute a JOIN rel c ON c.oid = a.attrelid
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attstorage <> t.typstorage
            UNION ALL
            SELECT 'STATISTICS', c.q || '.' || quote_ident(a.attname),
                   ARRAY['ALTER TABLE ' || c.q || ' ALTER COLUMN ' || quote_ident(a.attname)
                     || ' SET STATISTICS ' || a.attstattarget],
                   ARRAY['ALTER TABLE ' || c.q || ' ALTER COLUMN ' || quote_ident(a.attname)
                     || ' SET STATISTICS -1'],
                   '', c.raw || ':' || a.attname
            FROM pg_attribute a JOIN rel c ON c.oid = a.attrelid
            WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attstattarget >= 0
          ) o ORDER BY kind, ident""";

  /** The comment arrays of {@link #OBJECTS}, in the order of its placeholders 3 to 10. */
  static final String[] COMMENTS = {
    comment(
        "pg_proc",
        "p.oid",
        "CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END" + " || p.ident"),
    comment("pg_proc", "p.oid", "'AGGREGATE ' || p.ident"),
    comment("pg_operator", "o.oid", "'OPERATOR ' || o.ident"),
    comment("pg_type", "t.oid", "'TYPE ' || t.q"),
    comment(
        "pg_class",
        "c.oid",
        "CASE c.relkind WHEN 'v' THEN 'VIEW ' ELSE 'MATERIALIZED VIEW '" + " END || c.q"),
    comment("pg_trigger", "t.oid", "'TRIGGER ' || quote_ident(t.tgname) || ' ON ' || c.q"),
    comment("pg_rewrite", "w.oid", "'RULE ' || quote_ident(w.rulename) || ' ON ' || c.q"),
    comment("pg_policy", "p.oid", "'POLICY ' || quote_ident(p.polname) || ' ON ' || c.q"),
  };

  /**
   * What depends on what among the objects and the tables, columns, indexes and constraints: pairs
   * of keys (see {@code SchemaObject.key()}), normal and automatic dependencies only.
   */
  static final String DEPENDENCIES =
      COMMON
          + """
          , k AS (
            SELECT 'pg_class'::regclass AS classid, r.oid AS objid, 0 AS subid,
                   CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'table:' || r.raw
                        WHEN r.relkind IN ('v', 'm') THEN 'view:' || r.q
                        WHEN r.relkind = 'i' THEN 'index:' || r.raw
                        WHEN r.relkind = 'c' THEN 'type:' || r.q
                        ELSE 'relation:' || r.raw END AS key
            FROM rel r
            UNION ALL
            -- a table's column is itself; a column of a view or composite type stands for it
            SELECT 'pg_class'::regclass, a.attrelid, a.attnum,
                   CASE WHEN r.relkind IN ('r', 'p', 'f') THEN 'column:' || r.raw || ':' || a.attname
                        WHEN r.relkind IN ('v', 'm') THEN 'view:' || r.q
                        WHEN r.relkind = 'c' THEN 'type:' || r.q
                        ELSE 'relation:' || r.raw END
            FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid
            WHERE a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'pg_proc'::regclass, p.oid, 0, 'function:' || p.ident FROM fn p
            UNION ALL
            SELECT 'pg_type'::regclass, t.oid, 0,
                   CASE WHEN tr.relkind IN ('r', 'p', 'f') THEN 'table:' || tr.raw
                        WHEN tr.relkind IN ('v', 'm') THEN 'view:' || tr.q
                        ELSE 'type:' || t.q END
            FROM ty t LEFT JOIN rel tr ON tr.oid = t.typrelid
            UNION ALL
            SELECT 'pg_trigger'::regclass, t.oid, 0,
                   'trigger:' || quote_ident(t.tgname) || ' ON ' || r.q
            FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid
            UNION ALL
            SELECT 'pg_rewrite'::regclass, w.oid, 0,
                   CASE WHEN w.rulename = '_RETURN' THEN 'view:' || r.q
                        ELSE 'rule:' || quote_ident(w.rulename) || ' ON ' || r.q END
            FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class
            UNION ALL
            SELECT 'pg_policy'::regclass, p.oid, 0,
                   'policy:' || quote_ident(p.polname) || ' ON ' || r.q
            FROM pg_policy p JOIN rel r ON r.oid = p.polrelid
            UNION ALL
            SELECT 'pg_constraint'::regclass, c.oid, 0, 'constraint:' || r.raw || ':' || c.conname
            FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid
            UNION ALL
            SELECT 'pg_operator'::regclass, o.oid, 0, 'operator:' || o.ident FROM op o)
          SELECT DISTINCT dk.key, rk.key
          FROM pg_depend d
          JOIN k dk ON dk.classid = d.classid AND dk.objid = d.objid AND dk.subid = 0
          JOIN k rk ON rk.classid = d.refclassid AND rk.objid = d.refobjid
                   AND rk.subid = d.refobjsubid
          WHERE d.deptype IN ('n', 'a') AND dk.key <> rk.key""";
}
