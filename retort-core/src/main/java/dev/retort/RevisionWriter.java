package dev.retort;

import dev.retort.codegen.MigrationTemplates;
import dev.retort.dialect.Dialect;
import dev.retort.error.UsageException;
import dev.retort.script.RevisionGraph;
import dev.retort.script.ScriptStore;
import dev.retort.script.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes new files: an empty revision on the graph, a merge, and a new project's skeleton. */
final class RevisionWriter {
  private RevisionWriter() {}

  /** Writes a new empty migration in {@code migrations} and returns its path. */
  static Path write(RevisionGraph graph, Path migrations, NewRevision request) {
    List<String> parents = parents(graph, request.heads());
    List<String> deps = request.dependsOn().stream().map(graph::resolveId).toList();
    for (String label : request.branchLabels()) {
      if (graph.revisions().stream().anyMatch(r -> r.branchLabels().contains(label))) {
        throw new UsageException("branch label '" + label + "' is already used");
      }
    }
    String id = request.revId().orElseGet(ScriptStore::newRevisionId);
    if (graph.find(id).isPresent()) {
      throw new UsageException(
          "revision id " + id + " is already used by " + graph.get(id).origin());
    }
    MigrationTemplates.validateId(id);
    if (!request.dialects().isEmpty()) {
      checkDialectsWithSql(request);
      request.dialects().forEach(RevisionWriter::dialectNamed);
    }
    String text =
        MigrationTemplates.render(
            request.format().toScript(),
            id,
            parents,
            request.branchLabels(),
            deps,
            request.message(),
            request.dialects());
    String ext = request.format() == MigrationFormat.JAVA ? ".java" : ".sql";
    String slug = ScriptStore.slug(request.message());
    Path file = migrations.resolve(id + (slug.isEmpty() ? "" : "_" + slug) + ext);
    try {
      Files.createDirectories(migrations);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static List<String> parents(RevisionGraph graph, List<String> heads) {
    List<String> parents = new ArrayList<>();
    if (heads.isEmpty()) {
      Set<String> all = graph.heads();
      if (all.size() > 1) {
        throw new UsageException(
            "there are several heads: "
                + String.join(", ", all)
                + "; name the parent (--head), or merge the heads first");
      }
      parents.addAll(all);
      return parents;
    }
    for (String h : heads) {
      Target t = graph.parse(h);
      if (t instanceof Target.Head head && head.branch().isEmpty()) {
        // '--head head' with several heads: a revision on top of all of them, as before
        parents.addAll(graph.heads());
      } else {
        parents.addAll(graph.resolve(t)); // base adds nothing: a new root
      }
    }
    return parents;
  }

  /** The parents of a merge of {@code revisions} (ids, prefixes or {@code heads}). */
  static List<String> mergeParents(RevisionGraph graph, List<String> revisions) {
    List<String> parents = new ArrayList<>();
    for (String r : revisions) {
      parents.addAll(graph.resolve(graph.parse(r)));
    }
    List<String> distinct = parents.stream().distinct().toList();
    if (distinct.size() < 2) {
      throw new UsageException("a merge needs two or more revisions to join, got " + distinct);
    }
    return distinct;
  }

  static void checkDialectsWithSql(NewRevision request) {
    if (request.format() != MigrationFormat.SQL) {
      throw new UsageException(
          "dialect sections are for SQL migrations (--format sql); a Java "
              + "migration already runs on every database");
    }
    if (request.dialects().stream().distinct().count() != request.dialects().size()) {
      throw new UsageException(
          "a dialect is listed twice in " + String.join(",", request.dialects()));
    }
  }

  static Dialect dialectNamed(String name) {
    return dev.retort.autogenerate.MigrationSource.dialectNamed(name);
  }

  /** Creates {@code retort.properties}, the migrations directory and a schema definition stub. */
  static List<Path> init(Path dir) {
    List<Path> created = new ArrayList<>();
    try {
      Path props = dir.resolve("retort.properties");
      if (Files.exists(props)) {
        throw new UsageException(props + " already exists; nothing was changed");
      }
      Files.createDirectories(dir);
      Files.writeString(props, MigrationTemplates.properties());
      created.add(props);
      Path migrations = dir.resolve("migrations");
      if (!Files.isDirectory(migrations)) {
        Files.createDirectories(migrations);
        created.add(migrations);
      }
      Path stub = dir.resolve("schema").resolve("AppSchema.java");
      if (!Files.exists(stub)) {
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, MigrationTemplates.schemaStub());
        created.add(stub);
      }
      Path example = dir.resolve(".env.example");
      if (!Files.exists(example)) {
        Files.writeString(example, MigrationTemplates.envExample());
        created.add(example);
      }
      Path ignore = dir.resolve(".gitignore");
      List<String> have = Files.exists(ignore) ? Files.readAllLines(ignore) : List.of();
      List<String> missing =
          MigrationTemplates.gitignore()
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#") && !have.contains(l))
              .toList();
      if (!missing.isEmpty()) {
        String text =
            have.isEmpty()
                ? MigrationTemplates.gitignore()
                : (String.join("\n", have) + "\n" + String.join("\n", missing) + "\n");
        Files.writeString(ignore, text);
        created.add(ignore);
      }
      return created;
    } catch (IOException e) {
      throw new UsageException("cannot initialise " + dir + ": " + e.getMessage(), e);
    }
  }
}
