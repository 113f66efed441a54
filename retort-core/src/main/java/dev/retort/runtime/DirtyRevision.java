package dev.retort.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A revision whose last run outside a transaction did not finish: it failed at a statement, or it
 * was cut off (killed, its connection lost) while a statement ran. The statements before that one
 * stay applied. Runs refuse to go on until the migration is fixed (then the next run resumes at
 * that statement), or, for a run cut off, resume there at once; or the state is declared with
 * {@code stamp}.
 *
 * @param revision the revision id
 * @param direction up or down
 * @param failedStatement the 1-based index of the statement that failed or was running; those
 *     before it ran
 * @param checksum the file's checksum then, to tell a fixed file from an unchanged one
 * @param message the database's message, or the in-progress note of a run cut off
 * @param interrupted whether the run was cut off rather than refused: the statement it names may or
 *     may not have run
 * @param applied the short checksums of the statements that ran, in order, when the row records
 *     them (rows written before Retort kept them do not)
 */
public record DirtyRevision(
    String revision,
    Direction direction,
    int failedStatement,
    String checksum,
    String message,
    boolean interrupted,
    Optional<List<String>> applied) {}
