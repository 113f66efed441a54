package dev.retort.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The header of a Java migration. Retort reads it from the source text without compiling, so keep
 * its values literal: strings, string arrays and booleans.
 *
 * <p>Compiled with the application, a migration is found through the index that {@link
 * dev.retort.script.RevisionProcessor} writes at build time ({@code META-INF/retort/migrations});
 * the annotation is kept in the class file so that Retort can tell a migration whose annotation was
 * forgotten from a helper class, and an index that no longer matches its classes.
 *
 * <pre>{@code
 * @Revision(id = "bc311ce7dcf8", revises = "1a2b3c4d5e6f",
 *           message = "increase password column length")
 * final class IncreasePasswordColumnLength implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {
  /** The revision id: 12 hex digits unless chosen by hand. */
  String id();

  /** The parent revisions: none for a base, two or more for a merge. */
  String[] revises() default {};

  /** Labels naming the branch that starts at this revision. */
  String[] branchLabels() default {};

  /** Revisions that must be applied first without being parents. */
  String[] dependsOn() default {};

  /** What the migration does, in a few words. */
  String message() default "";

  /** When it was written (ISO-8601), for the reader. */
  String created() default "";

  /** False for statements that cannot run in a transaction, e.g. CREATE INDEX CONCURRENTLY. */
  boolean transactional() default true;
}
