package dev.retort.runtime;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.script.SqlSplitter;
import java.sql.Connection;
import java.util.List;

/** Writes each op's SQL to a script instead of executing it ({@code --sql}). */
final class OfflineSink implements OpSink {
  private final Dialect dialect;
  private final Renderer renderer;
  private final StringBuilder out;
  private String revision = "";

  OfflineSink(Dialect dialect, StringBuilder out) {
    this.dialect = dialect;
    this.renderer = dialect.renderer(Catalog.NONE);
    this.out = out;
  }

  void revision(String id) {
    revision = id;
  }

  @Override
  public void accept(Op op) {
    write(renderer.render(op));
  }

  void write(List<Sql> statements) {
    for (Sql sql : statements) {
      String text = sql.inline(dialect);
      out.append(text).append(SqlSplitter.endsInLineComment(text) ? "\n;\n" : ";\n");
    }
  }

  @Override
  public Connection connection() {
    throw new UsageException(
        "revision "
            + revision
            + " uses the JDBC connection directly, which an "
            + "offline script (--sql) cannot contain; run it against the database instead");
  }

  @Override
  public boolean isOffline() {
    return true;
  }

  @Override
  public String dialectName() {
    return dialect.name();
  }
}
