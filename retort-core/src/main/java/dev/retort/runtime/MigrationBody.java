package dev.retort.runtime;

import dev.retort.error.MigrationFileException;
import dev.retort.migration.Migration;
import dev.retort.ops.Op;
import dev.retort.ops.OpSink;
import dev.retort.ops.Operations;
import dev.retort.script.Revision;
import dev.retort.script.SqlMigration;
import dev.retort.script.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What a step runs: the statements of an SQL file, or a compiled Java migration. */
interface MigrationBody {
  void run(Direction direction, Operations op, Consumer<String> location) throws Exception;

  /**
   * Refuses, before any step of a run starts, a direction this migration cannot go: a SQL file
   * without a downgrade section, asked to downgrade. Otherwise a run down several revisions would
   * undo some of them and then stop.
   */
  default void check(Direction direction) {}

  /**
   * The ops the migration will send, found without touching a database, or empty when that cannot
   * be known: a Java migration that reaches for the JDBC connection stops the probe.
   */
  default Optional<List<Op>> probe(Direction direction, String dialectName) {
    List<Op> ops = new ArrayList<>();
    OpSink recorder = OpSink.recording(ops, dialectName);
    try {
      run(direction, new Operations(recorder), where -> {});
      return Optional.of(ops);
    } catch (Throwable e) {
      // whatever it was happens again when the step runs, and is reported there
      return Optional.empty();
    }
  }

  /**
   * The statements {@code revision}'s file holds for {@code dialect}, split now, from {@code text}
   * when the file was read already, else read now.
   */
  static MigrationBody sql(Revision revision, String dialect, Optional<String> text) {
    Path file = revision.file().orElseThrow();
    SqlMigration parsed;
    try {
      parsed =
          SqlMigration.parse(
              file,
              text.isPresent() ? text.get() : Files.readString(file, StandardCharsets.UTF_8),
              dialect);
    } catch (IOException e) {
      throw new MigrationFileException(file, 0, "cannot read: " + e.getMessage());
    }
    return new MigrationBody() {
      @Override
      public void run(Direction direction, Operations op, Consumer<String> location) {
        check(direction);
        List<Statement> statements =
            direction == Direction.UP ? parsed.upgrade() : parsed.downgrade().orElseThrow();
        for (Statement s : statements) {
          location.accept(file + ":" + s.line());
          op.execute(s.sql());
        }
      }

      @Override
      public void check(Direction direction) {
        if (direction == Direction.DOWN && parsed.downgrade().isEmpty()) {
          throw new MigrationFileException(
              file,
              0,
              "has no '-- retort:downgrade' section, so "
                  + "revision "
                  + revision.id()
                  + " cannot be downgraded; nothing was run");
        }
      }
    };
  }

  static MigrationBody java(Revision revision, Migration migration) {
    Path file = revision.file().orElseThrow();
    return (direction, op, location) -> {
      location.accept(file.toString());
      if (direction == Direction.UP) {
        migration.upgrade(op);
      } else {
        migration.downgrade(op);
      }
    };
  }
}
