package dev.retort.cli;

import dev.retort.AppliedStep;
import dev.retort.DirtyMigration;
import dev.retort.RevisionInfo;
import dev.retort.RunResult;
import dev.retort.SchemaDiff;
import dev.retort.error.MigrationFailedException;
import dev.retort.error.RetortException;
import dev.retort.error.Secrets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parts the commands' JSON documents are made of, one shape each, documented in the README
 * ("JSON output"). Version 1: a later Retort may add fields to a shape; renaming or removing one,
 * or changing its meaning, raises the {@code version} of every document that holds it.
 */
final class JsonShapes {
  private JsonShapes() {}

  /** A command that can print its result as JSON, and so its failure too. */
  interface Command {
    /** The command's name, as the document names it. */
    String name();

    /** Its {@code --json} and {@code --format} options. */
    OutputOptions output();
  }

  static Json.Obj revision(RevisionInfo r) {
    return Json.object()
        .put("id", r.id())
        .put("parents", r.parents())
        .put("branchLabels", new TreeSet<>(r.branchLabels()))
        .put("dependsOn", r.dependsOn())
        .put("message", r.message())
        .put("transactional", r.transactional())
        .put("format", r.format().name().toLowerCase(Locale.ROOT))
        .put("file", r.file().map(Object::toString))
        .put("head", r.head())
        .put("mergePoint", r.isMerge())
        .put("branchPoint", r.isBranchPoint())
        .put("children", r.children());
  }

  static List<Json.Obj> revisions(List<RevisionInfo> revisions) {
    return revisions.stream().map(JsonShapes::revision).toList();
  }

  static Json.Obj dirty(DirtyMigration d) {
    return Json.object()
        .put("revision", d.revision())
        .put("direction", d.upgrade() ? "up" : "down")
        .put("failedStatement", d.failedStatement())
        .put("interrupted", d.interrupted())
        .put("message", d.message());
  }

  static Json.Obj run(String command, RunResult r) {
    return Json.document(command)
        .put("before", sorted(r.before()))
        .put("after", sorted(r.after()))
        .put(
            "steps",
            r.steps().stream()
                .map(
                    s ->
                        Json.object()
                            .put("revision", s.revision())
                            .put("direction", s.upgrade() ? "up" : "down")
                            .put("description", s.description()))
                .toList());
  }

  static Json.Obj applied(AppliedStep s) {
    return Json.object()
        .put("id", s.id())
        .put("revision", s.revision())
        .put("direction", s.direction())
        .put("startedAt", s.startedAt().toString())
        .put("durationMs", s.durationMs())
        .put("who", s.who())
        .put("success", s.success())
        .put("failedStatement", s.failedStatement())
        .put("checksum", s.checksum())
        .put("message", s.message());
  }

  static List<Json.Obj> steps(List<SchemaDiff.Step> steps) {
    return steps.stream()
        .map(
            s ->
                Json.object()
                    .put("description", s.description())
                    .put("statements", s.statements())
                    .put("problem", s.problem())
                    .put("dataLoss", s.dataLoss()))
        .toList();
  }

  /**
   * The document of a command that failed: what {@code error:} on standard error says, and more.
   */
  static Json.Obj error(String command, RetortException e, Secrets secrets) {
    Json.Obj error =
        Json.object()
            .put("exitCode", e.exitCode().code())
            .put("message", secrets.scrub(String.valueOf(e.getMessage())));
    if (e instanceof MigrationFailedException m) {
      error
          .put("revision", m.revision())
          .put("statement", m.statement().isEmpty() ? null : secrets.scrub(m.statement()));
    }
    return Json.document(command).put("error", error);
  }

  static List<String> sorted(Set<String> ids) {
    return List.copyOf(new TreeSet<>(ids));
  }
}
