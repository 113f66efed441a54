package dev.retort;

import dev.retort.codegen.JavaMigrationWriter;
import dev.retort.codegen.SqlMigrationWriter;
import dev.retort.dialect.Catalog;
import dev.retort.dialect.Dialect;
import dev.retort.dialect.Renderer;
import dev.retort.error.UsageException;
import dev.retort.ops.Op;
import dev.retort.script.Revision;
import dev.retort.script.RevisionGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code revision --autogenerate}: a migration that brings the database (which must be at head) to
 * the desired schema, with the downgrade that brings it back.
 */
final class Autogenerator {
  private final Retort retort;
  private final Session session;

  Autogenerator(Retort retort, Session session) {
    this.retort = retort;
    this.session = session;
  }

  Path write(NewRevision request, CompareOptions options) {
    RevisionGraph graph = retort.graphOrEmpty();
    Set<String> rows = retort.current();
    if (!rows.equals(graph.heads())) {
      throw new UsageException("the database is at " + (rows.isEmpty() ? "base" : String.join(", ", rows))
          + " but the migrations end at " + (graph.heads().isEmpty() ? "base" : String.join(", ", graph.heads()))
          + "; upgrade to the heads first, so that the new migration starts where the others end");
    }
    RetortConfig config = retort.config();
    SchemaComparison d = SchemaComparison.compare(config, session, options);
    if (d.isEmpty()) {
      throw new UsageException("the database already matches " + config.schema().orElseThrow().describe()
          + "; no migration written" + d.leftOut().map(n -> " (" + n + ")").orElse(""));
    }
    List<String> warnings = concat(concat(d.renameWarnings(), d.irreversible()),
        d.leftOut().stream().toList());
    List<SqlMigrationWriter.Section> sections = sections(request, d);
    if (request.format() == MigrationFormat.SQL && sections.isEmpty()) {
      for (SqlMigrationWriter.Step s : concat(d.upgrade(), d.downgrade())) {
        if (s.problem().isPresent()) {
          throw new UsageException(s.op().describe() + " cannot be written as SQL ahead of time: "
              + s.problem().get() + ". Use --format java (the default), which plans it when it runs.");
        }
      }
    }
    Path file = retort.revision(request);
    String id = retort.graph().revisions().stream()
        .filter(r -> r.file().map(file::equals).orElse(false)).findFirst().orElseThrow().id();
    Revision written = retort.graph().get(id);
    String dialect = session.dialect().name();
    String text = !sections.isEmpty()
        ? SqlMigrationWriter.write(id, written.parents(), request.message(), dialect, sections, warnings)
        : request.format() == MigrationFormat.SQL
        ? SqlMigrationWriter.write(id, written.parents(), request.message(), dialect,
            d.upgrade(), d.downgrade(), warnings)
        : JavaMigrationWriter.write(id, written.parents(), request.message(), d.diff().ops(),
            d.downgrade().stream().map(SqlMigrationWriter.Step::op).toList(), warnings);
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * The diff's ops rendered for each of {@code request.dialects()}, checked before anything is
   * written: an op a dialect refuses, or one carrying a type read from this database (which
   * another one would not read the same way), stops the whole file. Empty without dialects.
   */
  private List<SqlMigrationWriter.Section> sections(NewRevision request, SchemaComparison d) {
    if (request.dialects().isEmpty()) {
      return List.of();
    }
    RevisionWriter.checkDialectsWithSql(request);
    String source = session.dialect().name();
    List<SqlMigrationWriter.Section> sections = new ArrayList<>();
    for (String name : request.dialects()) {
      Dialect target = RevisionWriter.dialectNamed(name);
      Renderer renderer = target.renderer(Catalog.NONE);
      List<List<SqlMigrationWriter.Step>> both = new ArrayList<>();
      for (List<SqlMigrationWriter.Step> steps : List.of(d.upgrade(), d.downgrade())) {
        List<SqlMigrationWriter.Step> rendered = new ArrayList<>();
        for (SqlMigrationWriter.Step s : steps) {
          rendered.add(renderFor(name, source, renderer, s.op()));
        }
        both.add(rendered);
      }
      sections.add(new SqlMigrationWriter.Section(name, both.get(0), both.get(1)));
    }
    return sections;
  }

  private static SqlMigrationWriter.Step renderFor(String name, String source, Renderer renderer, Op op) {
    Optional<String> raw = name.equals(source) ? Optional.empty() : SqlMigrationWriter.rawType(op);
    if (raw.isPresent()) {
      throw new UsageException("cannot write '" + op.describe() + "' for " + name + ": it "
          + "carries the type '" + raw.get() + "' as " + source + " spells it, which " + name
          + " would not read the same way; nothing was written. Leave " + name + " out of "
          + "--dialects, or use --format java");
    }
    SqlMigrationWriter.Step step;
    try {
      step = SchemaComparison.step(renderer, op);
    } catch (RuntimeException e) {
      step = new SqlMigrationWriter.Step(op, List.of(), Optional.of(String.valueOf(e.getMessage())));
    }
    if (step.problem().isPresent()) {
      throw new UsageException("cannot write '" + op.describe() + "' for " + name + ": "
          + step.problem().get() + "; nothing was written. Leave " + name + " out of "
          + "--dialects, or use --format java, which plans it when it runs");
    }
    return step;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
