package dev.retort.cli;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.error.Secrets;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** The {@code retort} command's entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            System.getenv()));
  }

  /** Runs one command line and returns its exit code; the tests call this. */
  public static int run(
      String[] args, PrintWriter out, PrintWriter rawErr, Map<String, String> env) {
    if (!java.util.Arrays.asList(args).contains("--debug")) {
      // the MariaDB driver logs every refused statement to the console before Retort reports it
      System.setProperty("mariadb.logging.disable", "true");
    }
    RetortCommand top = new RetortCommand(env);
    Secrets[] known = {null};
    PrintWriter err =
        new PrintWriter(
            new SafeWriter(
                rawErr,
                () -> {
                  if (known[0] == null) {
                    known[0] = top.secrets(args);
                  }
                  return known[0];
                }),
            true);
    top.streams(out, err);
    Callable<Integer> direct = DirectLine.bind(args, top);
    if (direct != null) {
      try {
        Integer exit = direct.call();
        return exit == null ? 0 : exit;
      } catch (Exception e) {
        return failed(e, direct, top, args, out, err, known);
      }
    }
    CommandLine cl = new CommandLine(top);
    String named = subcommandName(args);
    for (Map.Entry<String, Class<?>> sub : RetortCommand.SUBCOMMANDS) {
      if (named == null || named.equals(sub.getKey())) {
        cl.addSubcommand(sub.getKey(), sub.getValue());
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) ->
            failed(e, commandLine.getCommand(), top, args, out, err, known));
    return cl.execute(args);
  }

  /** What a command that threw prints, and its exit code. */
  private static int failed(
      Exception e,
      Object command,
      RetortCommand top,
      String[] args,
      PrintWriter out,
      PrintWriter err,
      Secrets[] known) {
    boolean debug = top.debug;
    if (e instanceof RetortException re) {
      err.println("error: " + re.getMessage());
      jsonError(command, re, out, known[0] != null ? known[0] : top.secrets(args));
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
  }

  /**
   * With {@code --json}, a failure is a document on standard output too, so that a script that
   * reads the output always gets one (README, "JSON output").
   */
  private static void jsonError(
      Object command, RetortException e, PrintWriter out, Secrets secrets) {
    if (!(command instanceof JsonShapes.Command c)) {
      return;
    }
    boolean json;
    try {
      json = c.output().isJson();
    } catch (RetortException wrongOptions) {
      json = c.output().json; // --format was malformed: its error is the one being reported
    }
    if (json) {
      out.print(Json.write(JsonShapes.error(c.name(), e, secrets)));
      out.flush();
    }
  }

  /** The top-level options that take a parameter as the next argument. */
  private static final Set<String> TAKES_PARAMETER = Set.of("-C", "--url", "--config");

  /**
   * The subcommand the command line names, when it names a known one: the first argument that is
   * neither a top-level option nor an option's parameter. Null otherwise (no subcommand, help, an
   * unknown name, a typo): then every subcommand is registered, so that help lists them all and
   * picocli's errors and suggestions stay as they were.
   */
  static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (TAKES_PARAMETER.contains(a)) {
        i++;
      } else if (a.equals("--")) {
        return null;
      } else if (!a.startsWith("-")) {
        for (Map.Entry<String, Class<?>> sub : RetortCommand.SUBCOMMANDS) {
          if (sub.getKey().equals(a)) {
            return a;
          }
        }
        return null;
      }
    }
    return null;
  }
}
