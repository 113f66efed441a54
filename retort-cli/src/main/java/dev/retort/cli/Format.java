package dev.retort.cli;

import dev.retort.RevisionInfo;
import dev.retort.text.Inert;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How revisions are shown: one line as in {@code history}, or a block as in {@code show}. */
final class Format {
  private Format() {}

  static String line(RevisionInfo r, Set<String> current) {
    String from = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
    List<String> tags = new ArrayList<>();
    if (r.head()) {
      tags.add("head");
    }
    if (r.isMerge()) {
      tags.add("mergepoint");
    }
    if (r.isBranchPoint()) {
      tags.add("branchpoint");
    }
    if (current.contains(r.id())) {
      tags.add("current");
    }
    String labels =
        r.branchLabels().isEmpty() ? "" : " (" + String.join(", ", r.branchLabels()) + ")";
    return from
        + " -> "
        + r.id()
        + labels
        + (tags.isEmpty() ? "" : " (" + String.join(") (", tags) + ")")
        + ", "
        + (r.message().isEmpty() ? "(no message)" : Inert.text(r.message()));
  }

  static String block(RevisionInfo r) {
    StringBuilder b = new StringBuilder();
    b.append("Rev: ").append(r.id());
    if (r.head()) {
      b.append(" (head)");
    }
    b.append('\n');
    b.append("Parent: ")
        .append(r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents()))
        .append('\n');
    if (!r.branchLabels().isEmpty()) {
      b.append("Branch names: ").append(String.join(", ", r.branchLabels())).append('\n');
    }
    if (!r.dependsOn().isEmpty()) {
      b.append("Depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
    }
    List<String> children = r.children();
    if (!children.isEmpty()) {
      b.append(children.size() > 1 ? "Branches into: " : "Child: ")
          .append(String.join(", ", children))
          .append('\n');
    }
    b.append("Path: ")
        .append(r.file().map(f -> Inert.text(f.toString())).orElse("(in memory)"))
        .append('\n');
    b.append("Format: ")
        .append(r.format().name().toLowerCase(java.util.Locale.ROOT))
        .append(r.transactional() ? "" : ", not transactional")
        .append('\n');
    b.append('\n')
        .append("    ")
        .append(r.message().isEmpty() ? "(no message)" : Inert.text(r.message()))
        .append('\n');
    return b.toString();
  }
}
