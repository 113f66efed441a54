import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.RunResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * W5: a no-op migration at application start-up, inside a running JVM, as a Spring Boot app pays
 * it. Each call makes a new library object (Retort, Flyway, Liquibase) over the application's
 * connection pool (HikariCP, one per process, opened before the first call) and runs the tool's
 * migrate; calls repeat in the same JVM, and each call's time is printed:
 *
 * <pre>
 * W5 TOOL SOURCE CALLS JDBC_URL
 *   TOOL    retort | retort-url | flyway | liquibase
 *   SOURCE  files:DIR  (DIR holds db/retort, db/migration, db/changelog/changelog.sql)
 *           classpath  (the same tree in a jar on the class path)
 * </pre>
 *
 * {@code retort-url} gives Retort the JDBC URL instead of the pool (its own connection per call,
 * through the driver). Prints {@code call I WALL_NANOS CPU_NANOS} per call (the CPU time of the
 * calling thread: what the call cost, without the JIT compiler's threads or another process's turn
 * on a busy machine; Retort's connect-ahead thread with {@code retort-url} is not in it); a call that applied anything fails the
 * run (a no-op is what is measured), except with {@code CALLS} 1 and {@code SETUP} as the fifth
 * argument, which applies everything once (the untimed set-up).
 */
public final class W5 {
  public static void main(String[] args) throws Exception {
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    String tool = args[0];
    String source = args[1];
    int calls = Integer.parseInt(args[2]);
    String url = args[3];
    boolean setup = args.length > 4 && args[4].equals("SETUP");
    Path dir = source.startsWith("files:") ? Path.of(source.substring(6)).toAbsolutePath() : null;

    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(hc)) {
      try (Connection c = pool.getConnection()) { // the pool is open before the first call, as in an app
        c.isValid(1);
      }
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < calls; i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int applied = call(tool, dir, pool, url);
        long t = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        if (applied != 0 && !setup) {
          throw new IllegalStateException(tool + " applied " + applied + " migrations: not a no-op");
        }
        System.out.println("call " + i + " " + t + " " + cpu);
      }
    }
  }

  /** One start-up's migration; the number of migrations it applied (-1 where the tool does not say). */
  static int call(String tool, Path dir, DataSource pool, String url) throws Exception {
    switch (tool) {
      case "retort", "retort-url" -> {
        RetortConfig.Builder b = Retort.configure();
        b = tool.equals("retort") ? b.dataSource(pool) : b.url(url);
        RunResult r =
            b.migrations(dir == null ? "classpath:db/retort" : dir.resolve("db/retort").toString())
                .load()
                .upgrade("heads");
        return r.steps().size();
      }
      case "flyway" -> {
        return Flyway.configure()
            .dataSource(pool)
            .locations(dir == null ? "classpath:db/migration" : "filesystem:" + dir.resolve("db/migration"))
            .load()
            .migrate()
            .migrationsExecuted;
      }
      case "liquibase" -> {
        // What Spring Boot's SpringLiquibase does: a connection from the data source, the database
        // found for it, a Liquibase object, update, close.
        ResourceAccessor accessor =
            dir == null ? new ClassLoaderResourceAccessor(W5.class.getClassLoader()) : new DirectoryResourceAccessor(dir);
        Connection c = pool.getConnection();
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        try {
          Scope.child(
              Map.of(Scope.Attr.resourceAccessor.name(), accessor),
              () -> {
                @SuppressWarnings("deprecation")
                Liquibase lb = new Liquibase("db/changelog/changelog.sql", accessor, db);
                lb.update(new Contexts(), new LabelExpression());
              });
        } finally {
          db.close(); // closes the connection: back to the pool
        }
        return 0; // Liquibase does not count; the set-up's first run applies, later runs must not
      }
      default -> throw new IllegalArgumentException("unknown tool " + tool);
    }
  }
}
