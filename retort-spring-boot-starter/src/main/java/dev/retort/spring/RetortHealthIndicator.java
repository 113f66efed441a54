package dev.retort.spring;

import dev.retort.DirtyMigration;
import dev.retort.Retort;
import dev.retort.RevisionInfo;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code retort} in {@code /actuator/health}: UP when the database is at the heads of the
 * migrations, DOWN while a migration is left dirty or the database is behind the heads (an instance
 * of a newer version migrated it past what this one knows shows as an error naming the unknown
 * revision).
 */
public class RetortHealthIndicator extends AbstractHealthIndicator {
  private final Retort retort;

  public RetortHealthIndicator(Retort retort) {
    super("Retort health check failed");
    this.retort = retort;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    RetortState state = RetortState.of(retort);
    builder
        .status(
            state.upToDate()
                ? org.springframework.boot.health.contributor.Status.UP
                : org.springframework.boot.health.contributor.Status.DOWN)
        .withDetail("current", state.current())
        .withDetail("heads", state.heads());
    if (!state.pending().isEmpty()) {
      builder.withDetail("pending", state.pending().stream().map(RevisionInfo::id).toList());
    }
    if (!state.dirty().isEmpty()) {
      builder.withDetail("dirty", state.dirty().stream().map(DirtyMigration::describe).toList());
    }
  }
}
