package dev.retort.codegen;

import java.util.Set;
import java.util.TreeSet;

/** The imports a piece of generated Java source needs, collected while it is printed. */
final class Imports {
  private final Set<String> types = new TreeSet<>();
  private final Set<String> statics = new TreeSet<>();

  /** Imports {@code type} (a top-level class) and returns its simple name to write. */
  String type(Class<?> type) {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    if (!top.getPackageName().equals("java.lang")) {
      types.add(top.getName());
    }
    String name = type.getName().substring(top.getName().length()).replace('$', '.');
    return top.getSimpleName() + name;
  }

  /** Imports a static member, {@code "dev.retort.schema.ColumnType.*"} for all of them. */
  void staticMember(String qualified) {
    statics.add(qualified);
  }

  void addAll(Imports other) {
    types.addAll(other.types);
    statics.addAll(other.statics);
  }

  /** The simple names of the imported types, to keep a class name from clashing with them. */
  Set<String> simpleNames() {
    Set<String> out = new TreeSet<>();
    for (String t : types) {
      out.add(t.substring(t.lastIndexOf('.') + 1));
    }
    return out;
  }

  /** The import block: static imports, a blank line, type imports; empty when nothing is used. */
  String render() {
    StringBuilder b = new StringBuilder();
    for (String s : statics) {
      b.append("import static ").append(s).append(";\n");
    }
    if (!statics.isEmpty() && !types.isEmpty()) {
      b.append('\n');
    }
    for (String t : types) {
      b.append("import ").append(t).append(";\n");
    }
    return b.toString();
  }
}
