package dev.retort.spring;

import dev.retort.CompareOptions;
import dev.retort.DirtyMigration;
import dev.retort.Retort;
import dev.retort.RunResult;
import dev.retort.SchemaDiff;
import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.error.UsageException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;

/**
 * Migrates the database when the application starts: the {@link RetortMigrationStrategy} bean if
 * there is one, else an upgrade to {@code retort.target}; then, with {@code
 * retort.check-on-startup}, compares the database with the desired schema. Beans that use the
 * database (the JPA {@code EntityManagerFactory}, {@code JdbcTemplate}...) are created after it:
 * Boot's database-initialization ordering knows it as an initializer.
 */
public class RetortMigrationInitializer implements InitializingBean, Ordered {
  private static final Log log = LogFactory.getLog(Retort.class);

  private final Retort retort;
  private final RetortProperties properties;
  private final RetortMigrationStrategy strategy;
  private int order;

  /**
   * @param strategy what to do instead of the upgrade, or null for the upgrade
   */
  public RetortMigrationInitializer(
      Retort retort, RetortProperties properties, RetortMigrationStrategy strategy) {
    this.retort = retort;
    this.properties = properties;
    this.strategy = strategy;
  }

  @Override
  public void afterPropertiesSet() {
    if (properties.isCheckOnStartup() && retort.config().schema().isEmpty()) {
      throw new UsageException(
          "retort.check-on-startup is true, but retort.schema does not say "
              + "what to compare the database with: set it to jpa:com.example.model (the entities of "
              + "that package), or to a schema.sql or Java schema definition file");
    }
    if (strategy != null) {
      strategy.migrate(retort);
    } else {
      upgrade();
    }
    if (properties.isCheckOnStartup()) {
      try {
        check();
      } catch (RetortException e) {
        // the upgrade has run by now: say so, rather than let the message pass for bad input
        // refused before anything changed
        throw new RetortException(
            e.exitCode(),
            "check-on-startup, after the upgrade (the "
                + "database is at "
                + at(retort.current())
                + "): "
                + e.getMessage(),
            e);
      }
    }
  }

  private static String at(java.util.Set<String> revisions) {
    return revisions.isEmpty() ? "base" : String.join(", ", new java.util.TreeSet<>(revisions));
  }

  /**
   * Refuses a dirty database before anything runs: at start-up nobody is there to judge whether the
   * half-applied migration's file was fixed, which the command line would resume.
   */
  private void upgrade() {
    List<DirtyMigration> dirty = retort.dirty();
    if (!dirty.isEmpty()) {
      throw new RetortException(
          ExitCode.USAGE,
          "the database is dirty: "
              + dirty.stream().map(DirtyMigration::describe).collect(Collectors.joining("; "))
              + ". Nothing was run. Put the database right by hand, then run 'retort repair' (the "
              + "migration was fixed: the next upgrade resumes it) or 'retort stamp REV' (it is "
              + "settled), and start the application again");
    }
    RunResult r = retort.upgrade(properties.getTarget());
    String at = at(r.after());
    if (r.steps().isEmpty()) {
      log.info("Retort: the database is at " + at + "; nothing to upgrade");
    } else {
      log.info(
          "Retort: "
              + r.steps().size()
              + (r.steps().size() == 1 ? " step" : " steps")
              + "; the database is at "
              + at);
    }
  }

  private void check() {
    SchemaDiff diff = retort.diff(CompareOptions.defaults());
    String source = retort.config().schema().map(s -> s.describe()).orElse("the schema");
    if (diff.isEmpty()) {
      log.info("Retort: the database matches " + source);
      return;
    }
    String message =
        "the database differs from "
            + source
            + " ("
            + diff.upgrade().size()
            + (diff.upgrade().size() == 1 ? " change" : " changes")
            + " needed):"
            + diff.upgrade().stream()
                .map(
                    s ->
                        "\n  "
                            + s.description()
                            + s.statements().stream()
                                .map(q -> "\n      " + q + ";")
                                .collect(Collectors.joining()))
                .collect(Collectors.joining())
            + "\nWrite a migration for it ('retort revision --autogenerate'), or set "
            + "retort.fail-on-drift=false to start anyway";
    if (properties.isFailOnDrift()) {
      throw new RetortException(ExitCode.CHECK_FAILED, message);
    }
    log.warn("Retort: " + message);
  }

  @Override
  public int getOrder() {
    return order;
  }

  /** Where this runs among other {@link Ordered} initializers (default 0). */
  public void setOrder(int order) {
    this.order = order;
  }
}
