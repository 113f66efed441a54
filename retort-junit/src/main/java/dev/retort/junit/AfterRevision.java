package dev.retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link RetortTest} class that runs just after revision {@link #value()} was
 * upgraded to, whenever a check walks the history one revision at a time: to assert what its data
 * migration did with the rows a {@link BeforeRevision} method inserted, or to insert rows at that
 * revision for the ones above it. Parameters as for {@link BeforeRevision}.
 *
 * <pre>{@code
 * @AfterRevision("3f8d2b6e1a45")
 * void elementsGotTheirOwner(RetortRunner retort) {
 *   assertEquals(7, ((Number) retort.query("SELECT user_id FROM world_elements").get(0)
 *       .get("user_id")).intValue());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterRevision {
  /** The revision: an id or a unique prefix. */
  String value();
}
