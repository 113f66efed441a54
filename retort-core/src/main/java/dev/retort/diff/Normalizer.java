package dev.retort.diff;

import dev.retort.schema.Schema;

/**
 * Rewrites a schema into one dialect's canonical form, so that two spellings of the same thing
 * compare equal: type synonyms the database folds together, default literals it reads back in
 * another form ({@code true} as {@code 1}), expression spellings ({@code now()} and {@code
 * CURRENT_TIMESTAMP}), check expressions as the catalog prints them, and what the database cannot
 * keep at all (comments on SQLite). Both sides of a diff, the inspected and the desired, go through
 * the same normalizer before {@link Differ} compares them.
 *
 * <pre>{@code
 * Normalizer n = dialect.normalizer();
 * DiffResult d = new Differ().diff(n.normalize(live), n.normalize(desired), DiffOptions.defaults());
 * }</pre>
 */
@FunctionalInterface
public interface Normalizer {
  /** A normalizer that changes nothing. */
  Normalizer NONE = schema -> schema;

  /** The schema in canonical form; a pure function, and applying it twice changes nothing more. */
  Schema normalize(Schema schema);
}
