package dev.retort.junit;

import dev.retort.Retort;
import dev.retort.error.RetortException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link BeforeRevision} and {@link AfterRevision} methods of a test instance, by revision,
 * resolved on first use (their ids may be prefixes, and the graph is read only then).
 */
final class Hooks {
  private final Object instance;
  private final RetortRunner runner;
  private Map<String, List<Method>> before;
  private Map<String, List<Method>> after;

  Hooks(Object instance, RetortRunner runner) {
    this.instance = instance;
    this.runner = runner;
  }

  /** Whether the test has any hook: only then do the checks walk one revision at a time. */
  boolean any() {
    resolve();
    return !before.isEmpty() || !after.isEmpty();
  }

  void before(String revision) {
    resolve();
    run(before.getOrDefault(revision, List.of()), "@BeforeRevision(\"" + revision + "\")");
  }

  void after(String revision) {
    resolve();
    run(after.getOrDefault(revision, List.of()), "@AfterRevision(\"" + revision + "\")");
  }

  private void resolve() {
    if (before != null) {
      return;
    }
    before = new LinkedHashMap<>();
    after = new LinkedHashMap<>();
    if (instance == null) {
      return;
    }
    Retort retort = runner.retort();
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        BeforeRevision b = m.getAnnotation(BeforeRevision.class);
        if (b != null) {
          before
              .computeIfAbsent(id(retort, m, "@BeforeRevision", b.value()), k -> new ArrayList<>())
              .add(m);
        }
        AfterRevision a = m.getAnnotation(AfterRevision.class);
        if (a != null) {
          after
              .computeIfAbsent(id(retort, m, "@AfterRevision", a.value()), k -> new ArrayList<>())
              .add(m);
        }
      }
    }
  }

  /** The full id a hook names; an id that names no revision is the test's mistake, said at once. */
  private static String id(Retort retort, Method m, String annotation, String revision) {
    try {
      return retort.show(revision).id();
    } catch (RetortException e) {
      throw new AssertionError(
          annotation
              + "(\""
              + revision
              + "\") on "
              + m.getDeclaringClass().getSimpleName()
              + "."
              + m.getName()
              + " names no single revision: "
              + e.getMessage(),
          e);
    }
  }

  private void run(List<Method> methods, String what) {
    for (Method m : methods) {
      Connection c = null;
      try {
        Object[] args = new Object[m.getParameterCount()];
        Parameter[] params = m.getParameters();
        for (int i = 0; i < args.length; i++) {
          Class<?> type = params[i].getType();
          if (type == Connection.class) {
            c = c != null ? c : runner.connect();
            args[i] = c;
          } else if (type == RetortRunner.class) {
            args[i] = runner;
          } else {
            throw new AssertionError(
                what
                    + " method "
                    + m.getName()
                    + " takes a "
                    + type.getSimpleName()
                    + "; hooks take a java.sql.Connection and a RetortRunner");
          }
        }
        m.setAccessible(true);
        m.invoke(instance, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof AssertionError ae) {
          throw ae;
        }
        throw new AssertionError(what + " method " + m.getName() + " failed: " + cause, cause);
      } catch (IllegalAccessException | SQLException e) {
        throw new AssertionError(what + " method " + m.getName() + " could not run: " + e, e);
      } finally {
        if (c != null) {
          try {
            c.close();
          } catch (SQLException ignored) {
            // the hook's outcome is what matters
          }
        }
      }
    }
  }
}
