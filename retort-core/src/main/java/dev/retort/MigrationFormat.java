package dev.retort;

import dev.retort.script.Revision;

/** How a migration file is written: Java (the operations API, portable) or SQL (one database). */
public enum MigrationFormat {
  JAVA,
  SQL;

  static MigrationFormat from(Revision.Format format) {
    return format == Revision.Format.JAVA ? JAVA : SQL;
  }

  Revision.Format toScript() {
    return this == JAVA ? Revision.Format.JAVA : Revision.Format.SQL;
  }
}
