package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code retort} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
        System.getenv()));
  }

  /** Runs one command line and returns its exit code; the tests call this. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
    RetortCommand top = new RetortCommand(env);
    CommandLine cl = new CommandLine(top);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean debug = top.debug;
      if (e instanceof RetortException re) {
        err.println("error: " + re.getMessage());
        if (debug) {
          e.printStackTrace(err);
        }
        err.flush();
        return re.exitCode().code();
      }
      err.println("error: " + e);
      if (debug) {
        e.printStackTrace(err);
      } else {
        err.println("(this looks like a bug in Retort; run again with --debug for the stack trace)");
      }
      err.flush();
      return ExitCode.USAGE.code();
    });
    return cl.execute(args);
  }
}
