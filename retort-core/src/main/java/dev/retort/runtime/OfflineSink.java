package dev.retort.runtime;

import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.dialect.Sql;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
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
      out.append(inline(sql)).append(";\n");
    }
  }

  /** The statement with its parameters written as literals. */
  String inline(Sql sql) {
    if (sql.parameters().isEmpty()) {
      return sql.text();
    }
    StringBuilder b = new StringBuilder();
    int p = 0;
    String text = sql.text();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '?' && p < sql.parameters().size()) {
        b.append(dialect.literal(sql.parameters().get(p++)));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  @Override
  public Connection connection() {
    throw new UsageException("revision " + revision + " uses the JDBC connection directly, which an "
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
