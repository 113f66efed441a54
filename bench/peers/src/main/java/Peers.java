import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * Runs a peer tool through its Java API, one operation per process, so the benchmark times the
 * whole process from outside just like {@code retort}:
 *
 * <pre>
 * Peers flyway-migrate  JDBC_URL DIR              (DIR holds V1__t1.sql ...)
 * Peers liquibase-update JDBC_URL DIR CHANGELOG   (CHANGELOG relative to DIR)
 * Peers liquibase-diff  JDBC_URL REFERENCE_URL    (what REFERENCE has that URL lacks)
 * </pre>
 *
 * Defaults are kept (Flyway: one transaction per migration, validate on migrate; Liquibase: one
 * transaction per changeset, checksums checked), so no tool gets a cheaper safety level.
 */
public final class Peers {
  public static void main(String[] args) throws Exception {
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
    switch (args[0]) {
      case "flyway-migrate" -> {
        var result = Flyway.configure()
            .dataSource(args[1], null, null)
            .locations("filesystem:" + args[2])
            .load()
            .migrate();
        System.out.println("flyway: " + result.migrationsExecuted + " migrations executed");
      }
      case "liquibase-update" -> Scope.child(
          Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(Path.of(args[2]))),
          () -> new CommandScope("update")
              .addArgumentValue("url", args[1])
              .addArgumentValue("changelogFile", args[3])
              .execute());
      case "liquibase-diff" -> new CommandScope("diff")
          .addArgumentValue("url", args[1])
          .addArgumentValue("referenceUrl", args[2])
          .setOutput(new PrintStream(System.out, true))
          .execute();
      default -> throw new IllegalArgumentException("unknown operation " + args[0]);
    }
  }
}
