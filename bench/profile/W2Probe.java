import dev.retort.dialect.Dialect;
import dev.retort.dialect.Dialects;
import dev.retort.runtime.Planner;
import dev.retort.runtime.Runner;
import dev.retort.script.RevisionGraph;
import dev.retort.script.ScriptStore;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * Where a no-op {@code retort upgrade head} spends its time, stage by stage, in the order the
 * command runs them, each measured the first time it runs in a fresh JVM (so class loading and
 * interpretation are charged to the stage that causes them). Runs on retort.jar's classpath and
 * calls its public API plus, reflectively, the CLI's picocli model; Retort's sources are not touched.
 *
 *   java -cp retort.jar:bench/.cache/profile W2Probe MIGRATIONS_DIR JDBC_URL
 */
public final class W2Probe {
  private static long t = System.nanoTime();

  private static void lap(String what) {
    long now = System.nanoTime();
    System.out.printf("%-58s %7.1f ms%n", what, (now - t) / 1e6);
    t = System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    long start = t;
    Path dir = Path.of(args[0]);
    String url = args[1];
    lap("main entered (probe class loaded)");

    Class<?> cmd = Class.forName("dev.retort.cli.RetortCommand");
    Constructor<?> ctor = cmd.getDeclaredConstructor(Map.class);
    ctor.setAccessible(true);
    new picocli.CommandLine(ctor.newInstance(System.getenv()));
    lap("picocli: build the command model (all subcommands)");

    ScriptStore store = ScriptStore.open(dir);
    lap("read + parse headers + SHA-256 of " + store.revisions().size() + " files");

    RevisionGraph graph = store.graph();
    Planner.validateUpgrade(graph, "head");
    lap("build and validate the revision graph");

    Dialect dialect = Dialects.forUrl(url);
    lap("dialect lookup (ServiceLoader)");

    java.util.List<String> drivers = new java.util.ArrayList<>();
    DriverManager.drivers().forEach(d -> drivers.add(d.getClass().getName()));
    lap("DriverManager init: load every driver in the jar " + drivers.size());

    Connection c = DriverManager.getConnection(url);
    lap("pgjdbc connect (TCP, startup, parameter status)");

    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT pg_try_advisory_lock(1, 2)").close();
      s.executeQuery("SELECT pg_advisory_unlock(1, 2)").close();
    }
    lap("first statements (lock/unlock round trips)");

    try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "retort_version", new String[] {"TABLE"})) {
      while (rs.next()) { }
    }
    lap("DatabaseMetaData.getTables (version table exists?)");

    int rows = 0;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT revision, checksum, direction FROM retort_history WHERE success = TRUE ORDER BY id")) {
      while (rs.next()) {
        rows++;
      }
    }
    lap("read " + rows + " history rows (checksums)");

    Runner runner = new Runner(dialect, graph, "retort_version", "retort_history", dir.resolve("../.retort/classes"),
        new Runner.Options(false, Duration.ofSeconds(300), "probe", line -> { }));
    Runner.Result r = runner.run(c, current -> Planner.upgrade(graph, current, "head"));
    lap("Runner.run: the real no-op (lock, checks, plan), " + r.steps().size() + " steps");
    c.close();
    lap("close");
    System.out.printf("%-58s %7.1f ms%n", "total inside main", (System.nanoTime() - start) / 1e6);
  }
}
