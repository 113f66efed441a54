package dev.retort.runtime;

import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import dev.retort.script.Revision;
import dev.retort.script.ScriptStore;
import java.lang.reflect.Constructor;

/**
 * A Java migration compiled with the application, loaded from its class as the index names it and
 * used as it is: no compiler, so a Java runtime suffices. Loaded with every other migration of a
 * plan before the first step runs, so a class that is missing or does not match its index entry
 * stops the run before anything changed.
 */
final class CompiledMigration {
  private CompiledMigration() {}

  static Migration load(Revision r, ScriptStore.Compiled c) {
    String where =
        "class " + c.className() + " (revision " + r.id() + ", listed in " + c.index() + ")";
    Class<?> type;
    try {
      type = Class.forName(c.className(), false, c.loader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new UsageException(
          where
              + " cannot be loaded ("
              + e
              + "): the index is stale or the "
              + "class path incomplete; build the application again");
    }
    dev.retort.migration.Revision header = type.getAnnotation(dev.retort.migration.Revision.class);
    if (header == null) {
      throw new UsageException(
          where
              + " has no @Revision: it is no migration, and the index "
              + "that lists it was not written from these classes; build the application again");
    }
    if (!header.id().equals(r.id())) {
      throw new UsageException(
          where
              + " carries @Revision(id = \""
              + header.id()
              + "\"): the "
              + "index was written from other classes; build the application again");
    }
    if (!Migration.class.isAssignableFrom(type)) {
      throw new UsageException(
          where
              + " does not implement "
              + Migration.class.getName()
              + " as this Retort loads it (another copy of retort-core on the class path?)");
    }
    try {
      Constructor<?> ctor = type.getDeclaredConstructor();
      ctor.setAccessible(true);
      return (Migration) ctor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new UsageException(where + " needs a constructor without parameters");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException i ? i.getCause() : e;
      throw new UsageException(where + " cannot be created: " + cause, cause);
    }
  }
}
