#!/usr/bin/env python3
"""Generates the benchmark workloads: the same migrations in every tool's own format.

Plain python3 standard library; deterministic (no randomness, no clock), so the same command
always writes the same bytes and the tools are compared on identical input.

  gen.py apply  OUT N URL   W1/W2: N migrations, migration i creates t_i and an index on owner_id,
                            written for Retort (SQL and Java), Flyway, Liquibase, Alembic and psql.
  gen.py graph  OUT N URL   W4: N revisions with branches and merges, for Retort and Alembic.
  gen.py schema OUT N       W3: the DDL of an N-table schema (for the database generator), the
                            matching SQLAlchemy metadata (for Alembic's autogenerate) and three
                            Retort projects whose desired state is that DDL, the same schema as
                            a Java definition, or nothing.
"""
import os
import sys


def ddl_up(i):
    """The one DDL every tool runs for migration i (two statements)."""
    return [
        f"CREATE TABLE t_{i} (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
        f"created_at timestamp DEFAULT now(), owner_id bigint, payload jsonb)",
        f"CREATE INDEX ix_t_{i}_owner_id ON t_{i} (owner_id)",
    ]


def ddl_down(i):
    return [f"DROP TABLE t_{i}"]


def rid(i):
    """Retort/Alembic revision id of migration i: 12 hex digits, sortable."""
    return f"{i:012x}"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def retort_project(out, url):
    write(os.path.join(out, "retort.properties"), f"url={url}\nmigrations=migrations\n")
    os.makedirs(os.path.join(out, "migrations"), exist_ok=True)


def retort_sql(path, i, parents, up, down, message):
    write(path,
          f"-- retort:revision {rid(i)}\n"
          + (f"-- retort:revises {', '.join(rid(p) for p in parents)}\n" if parents else "")
          + f"-- retort:message {message}\n"
          + "-- retort:upgrade\n" + "".join(s + ";\n" for s in up)
          + "-- retort:downgrade\n" + "".join(s + ";\n" for s in down))


def java_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gen_apply(out, n, url):
    # Retort, SQL migrations
    sql_dir = os.path.join(out, "retort-sql")
    retort_project(sql_dir, url)
    for i in range(1, n + 1):
        retort_sql(os.path.join(sql_dir, "migrations", f"{rid(i)}_create_t_{i}.sql"), i,
                   [i - 1] if i > 1 else [], ddl_up(i), ddl_down(i), f"create t_{i}")
    # Retort, Java migrations: op.execute with the same DDL (not the ops API, so the SQL sent is
    # byte-for-byte the same and only the compile/class-loading path differs).
    java_dir = os.path.join(out, "retort-java")
    retort_project(java_dir, url)
    for i in range(1, n + 1):
        revises = f', revises = "{rid(i - 1)}"' if i > 1 else ""
        up = "".join(f"    op.execute({java_string(s)});\n" for s in ddl_up(i))
        down = "".join(f"    op.execute({java_string(s)});\n" for s in ddl_down(i))
        write(os.path.join(java_dir, "migrations", f"{rid(i)}_create_t_{i}.java"),
              "import dev.retort.migration.Migration;\n"
              "import dev.retort.migration.Revision;\n"
              "import dev.retort.ops.Operations;\n\n"
              f'@Revision(id = "{rid(i)}"{revises}, message = "create t_{i}")\n'
              f"final class CreateT{i} implements Migration {{\n"
              "  @Override\n  public void upgrade(Operations op) {\n" + up + "  }\n\n"
              "  @Override\n  public void downgrade(Operations op) {\n" + down + "  }\n}\n")
    # Flyway: V<i>__t<i>.sql
    fw = os.path.join(out, "flyway")
    os.makedirs(fw, exist_ok=True)
    for i in range(1, n + 1):
        write(os.path.join(fw, f"V{i}__t{i}.sql"), "".join(s + ";\n" for s in ddl_up(i)))
    # Liquibase: one formatted-SQL changelog, one changeset per migration (own transaction each)
    lb = ["--liquibase formatted sql\n"]
    for i in range(1, n + 1):
        lb.append(f"\n--changeset bench:{i}\n" + "".join(s + ";\n" for s in ddl_up(i))
                  + "--rollback " + " ".join(s + ";" for s in ddl_down(i)) + "\n")
    write(os.path.join(out, "liquibase", "changelog.sql"), "".join(lb))
    # Alembic: op.execute of the same DDL, one transaction per migration (env.py)
    al = os.path.join(out, "alembic")
    alembic_project(al, url)
    for i in range(1, n + 1):
        alembic_version(al, i, [i - 1] if i > 1 else [], ddl_up(i), ddl_down(i), f"create t_{i}")
    # Drizzle Kit: drizzle/<i>_t<i>.sql plus the journal drizzle-kit's `generate` writes, in the
    # form its `migrate` reads; the URL comes from BENCH_DB_URL (drizzle.config.js)
    dz = os.path.join(out, "drizzle")
    journal = []
    for i in range(1, n + 1):
        tag = f"{i - 1:04d}_t{i}"
        write(os.path.join(dz, "drizzle", f"{tag}.sql"),
              "".join(s + ";" + ("\n--> statement-breakpoint\n" if k + 1 < len(ddl_up(i)) else "\n")
                      for k, s in enumerate(ddl_up(i))))
        journal.append('{"idx":%d,"version":"7","when":%d,"tag":"%s","breakpoints":true}'
                       % (i - 1, 1700000000000 + i * 1000, tag))
    write(os.path.join(dz, "drizzle", "meta", "_journal.json"),
          '{"version":"7","dialect":"postgresql","entries":[\n' + ",\n".join(journal) + "\n]}\n")
    write(os.path.join(dz, "drizzle.config.js"),
          "module.exports = { dialect: 'postgresql', out: './drizzle',\n"
          "  dbCredentials: { url: process.env.BENCH_DB_URL } };\n")
    # psql floors: everything in one transaction (-1), and one BEGIN/COMMIT per migration
    write(os.path.join(out, "floor.sql"),
          "".join(s + ";\n" for i in range(1, n + 1) for s in ddl_up(i)))
    write(os.path.join(out, "floor-per-tx.sql"),
          "".join("BEGIN;\n" + "".join(s + ";\n" for s in ddl_up(i)) + "COMMIT;\n"
                  for i in range(1, n + 1)))


def alembic_project(d, url):
    sa_url = url_to_sqlalchemy(url)
    write(os.path.join(d, "alembic.ini"),
          "[alembic]\nscript_location = %(here)s\n"
          f"sqlalchemy.url = {sa_url}\n\n"
          "[loggers]\nkeys = root,alembic\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n"
          "[logger_root]\nlevel = WARN\nhandlers = console\n"
          "[logger_alembic]\nlevel = INFO\nhandlers =\nqualname = alembic\n"
          "[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nlevel = NOTSET\n"
          "formatter = generic\n[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n")
    write(os.path.join(d, "env.py"), ALEMBIC_ENV)
    write(os.path.join(d, "script.py.mako"), "")
    os.makedirs(os.path.join(d, "versions"), exist_ok=True)


ALEMBIC_ENV = '''\
# Generated by bench/gen.py. One transaction per migration, like Retort, Flyway and Liquibase.
import os

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
if config.config_file_name is not None:
    from logging.config import fileConfig
    fileConfig(config.config_file_name)
target_metadata = None

if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True,
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    section = config.get_section(config.config_ini_section)
    if os.environ.get("BENCH_DB_URL"):  # bench/run points each run at its own database
        section["sqlalchemy.url"] = os.environ["BENCH_DB_URL"]
    engine = engine_from_config(section, prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
'''


def alembic_version(d, i, parents, up, down, message):
    if not parents:
        down_rev = "None"
    elif len(parents) == 1:
        down_rev = repr(rid(parents[0]))
    else:
        down_rev = "(" + ", ".join(repr(rid(p)) for p in parents) + ")"
    write(os.path.join(d, "versions", f"{rid(i)}_r{i}.py"),
          f'"""{message}"""\nfrom alembic import op\n\n'
          f"revision = {rid(i)!r}\ndown_revision = {down_rev}\nbranch_labels = None\ndepends_on = None\n\n\n"
          "def upgrade():\n" + ("".join(f"    op.execute({s!r})\n" for s in up) or "    pass\n")
          + "\n\ndef downgrade():\n" + ("".join(f"    op.execute({s!r})\n" for s in down) or "    pass\n"))


def url_to_sqlalchemy(url):
    """jdbc:postgresql://host:port/db?user=u  ->  postgresql+psycopg2://u@host:port/db"""
    rest = url[len("jdbc:postgresql://"):]
    hostdb, _, query = rest.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    user = params.get("user", "postgres")
    return f"postgresql+psycopg2://{user}@{hostdb}"


def graph_shape(n):
    """Parents of revisions 1..n: a trunk that forks into two branches every 40 revisions and
    merges them 20 revisions later; the last 3 revisions start independent heads off the trunk so
    there are several heads. Deterministic."""
    parents = {1: []}
    heads = [1]  # current open branch tips (trunk first)
    i = 2
    while i <= n - 3:
        if i % 40 == 0 and len(heads) == 1:
            parents[i] = [heads[0]]          # fork: a second child of the trunk tip
            heads = [heads[0], i]
        elif i % 40 == 20 and len(heads) == 2:
            parents[i] = list(heads)         # merge the two tips
            heads = [i]
        else:
            k = i % len(heads)               # extend one of the tips, alternating
            parents[i] = [heads[k]]
            heads[k] = i
        i += 1
    trunk = heads[0]
    while i <= n:
        parents[i] = [trunk]                 # extra heads
        i += 1
    return parents


def gen_graph(out, n, url):
    parents = graph_shape(n)
    rd = os.path.join(out, "retort")
    retort_project(rd, url)
    al = os.path.join(out, "alembic")
    alembic_project(al, url)
    for i in range(1, n + 1):
        up = [f"CREATE TABLE g_{i} (id int)"]
        down = [f"DROP TABLE g_{i}"]
        retort_sql(os.path.join(rd, "migrations", f"{rid(i)}_r{i}.sql"), i, parents[i], up, down,
                   f"r{i}")
        alembic_version(al, i, parents[i], up, down, f"r{i}")


def gen_schema(out, n):
    """W3: n tables with a primary key, not-null and defaulted columns, a unique constraint, an
    index and (from the second table on) a foreign key to table i // 2: a binary tree of
    references, log2(n) deep (a chain n deep overflows SQLAlchemy's recursive sort)."""
    ddl, py = [], ["from sqlalchemy import (MetaData, Table, Column, BigInteger, String, DateTime,\n"
                   "    Integer, Boolean, ForeignKey, Index, UniqueConstraint, text)\n"
                   "from sqlalchemy.dialects.postgresql import JSONB\n\nmetadata = MetaData()\n"]
    for i in range(1, n + 1):
        fk = f", parent_id bigint REFERENCES w_{i // 2} (id)" if i > 1 else ""
        ddl.append(f"CREATE TABLE w_{i} (id bigint PRIMARY KEY, name varchar(100) NOT NULL, "
                   f"code varchar(20) NOT NULL, created_at timestamp DEFAULT now(), "
                   f"owner_id bigint, active boolean NOT NULL DEFAULT true, qty integer, "
                   f"payload jsonb{fk}, CONSTRAINT uq_w_{i}_code UNIQUE (code));\n"
                   f"CREATE INDEX ix_w_{i}_owner_id ON w_{i} (owner_id);\n")
        fkcol = (f"    Column('parent_id', BigInteger, ForeignKey('w_{i // 2}.id', "
                 f"name='w_{i}_parent_id_fkey')),\n") if i > 1 else ""
        py.append(
            f"Table('w_{i}', metadata,\n"
            "    Column('id', BigInteger, primary_key=True),\n"
            "    Column('name', String(100), nullable=False),\n"
            "    Column('code', String(20), nullable=False),\n"
            "    Column('created_at', DateTime, server_default=text('now()')),\n"
            "    Column('owner_id', BigInteger),\n"
            "    Column('active', Boolean, nullable=False, server_default=text('true')),\n"
            "    Column('qty', Integer),\n"
            "    Column('payload', JSONB),\n" + fkcol +
            f"    UniqueConstraint('code', name='uq_w_{i}_code'),\n"
            f"    Index('ix_w_{i}_owner_id', 'owner_id'))\n")
    write(os.path.join(out, "schema.sql"), "".join(ddl))
    write(os.path.join(out, "metadata.py"), "".join(py))
    # Retort: the same DDL as the desired state (check: 0 differences expected), and an empty
    # desired state (diff: every table to drop, so every table inspected and compared)
    for name, text in (("retort-match", "".join(ddl)), ("retort-empty", "")):
        write(os.path.join(out, name, "retort.properties"), "migrations=migrations\nschema=schema.sql\n")
        write(os.path.join(out, name, "schema.sql"), text)
    # Retort: the same schema as a Java definition (compiled once, then cached; no scratch load)
    java = ["import static dev.retort.schema.ColumnType.*;\n\n"
            "import dev.retort.dsl.SchemaBuilder;\nimport dev.retort.dsl.SchemaDefinition;\n\n"
            "public final class BenchSchema implements SchemaDefinition {\n"
            "  @Override\n  public void define(SchemaBuilder s) {\n"]
    for i in range(1, n + 1):
        java.append(
            f'    s.table("w_{i}", t -> {{\n'
            '      t.column("id", bigint()).primaryKey();\n'
            '      t.column("name", varchar(100)).notNull();\n'
            '      t.column("code", varchar(20)).notNull();\n'
            '      t.column("created_at", timestamp()).defaultExpr("now()");\n'
            '      t.column("owner_id", bigint());\n'
            '      t.column("active", bool()).notNull().defaultValue(true);\n'
            '      t.column("qty", integer());\n'
            '      t.column("payload", jsonb());\n'
            + (f'      t.column("parent_id", bigint());\n'
               f'      t.foreignKey("w_{i}_parent_id_fkey", "parent_id").references("w_{i // 2}", "id");\n'
               if i > 1 else "")
            + f'      t.unique("uq_w_{i}_code", "code");\n'
            f'      t.index("ix_w_{i}_owner_id", "owner_id");\n'
            "    });\n")
    java.append("  }\n}\n")
    write(os.path.join(out, "retort-dsl", "retort.properties"),
          "migrations=migrations\nschema=schema/BenchSchema.java\n")
    write(os.path.join(out, "retort-dsl", "schema", "BenchSchema.java"), "".join(java))


def main():
    kind, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if kind == "apply":
        gen_apply(out, n, sys.argv[4])
    elif kind == "graph":
        gen_graph(out, n, sys.argv[4])
    elif kind == "schema":
        gen_schema(out, n)
    else:
        sys.exit(f"unknown workload {kind}")


if __name__ == "__main__":
    main()
