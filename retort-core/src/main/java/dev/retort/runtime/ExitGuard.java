package dev.retort.runtime;

import java.util.function.Consumer;

/**
 * A shutdown hook for the length of one step, so that a migration calling {@code System.exit}
 * cannot end the run as if it had succeeded with nothing recorded: the hook hears of the exit while
 * the migration's thread waits in it.
 */
final class ExitGuard {
  private final Thread hook;

  private ExitGuard(Thread hook) {
    this.hook = hook;
  }

  /** Installs a hook that calls {@code onExit} with the thread running the step. */
  static ExitGuard install(Consumer<Thread> onExit) {
    Thread runner = Thread.currentThread();
    Thread hook = new Thread(() -> onExit.accept(runner), "retort-exit-guard");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      return new ExitGuard(null); // already shutting down: nothing to guard
    }
    return new ExitGuard(hook);
  }

  void remove() {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs or ran already
    }
  }

  /**
   * Runs {@code work} (a migration's code run to read or write it, not against the database) so
   * that a {@code System.exit} in it ends the process with exit status 3 and {@code message}, not
   * with the status the migration chose.
   */
  static <T, E extends Exception> T around(String message, Work<T, E> work) throws E {
    ExitGuard guard =
        install(
            thread -> {
              if (isExiting(thread)) {
                System.err.println("error: " + message);
                System.err.flush();
                Runtime.getRuntime().halt(3);
              }
            });
    try {
      return work.run();
    } finally {
      guard.remove();
    }
  }

  /** Work that may throw {@code E}. */
  interface Work<T, E extends Exception> {
    T run() throws E;
  }

  /** Whether {@code thread} is inside {@code System.exit} (or {@code Runtime.exit}). */
  static boolean isExiting(Thread thread) {
    for (StackTraceElement e : thread.getStackTrace()) {
      if (e.getClassName().equals("java.lang.Shutdown")
          || e.getClassName().equals("java.lang.Runtime") && e.getMethodName().equals("exit")) {
        return true;
      }
    }
    return false;
  }
}
