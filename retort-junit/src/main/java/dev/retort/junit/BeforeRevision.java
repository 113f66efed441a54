package dev.retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link RetortTest} class that runs just before revision {@link #value()} is
 * upgraded to, whenever a check walks the history one revision at a time ({@link
 * MigrationChecks#upgradeFromEmpty()}, {@link MigrationChecks#upDownConsistency()}): to insert rows
 * in the schema its parents left, so that its data migration has something to move. It may take a
 * {@link java.sql.Connection} to the test database (autocommit, closed afterwards) and a {@link
 * RetortRunner}.
 *
 * <pre>{@code
 * @BeforeRevision("3f8d2b6e1a45")
 * void aWorldWithAnElement(Connection c) throws SQLException {
 *   c.createStatement().execute("INSERT INTO worlds (id, user_id, name) VALUES (1, 7, 'Earth')");
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeRevision {
  /** The revision: an id or a unique prefix. */
  String value();
}
