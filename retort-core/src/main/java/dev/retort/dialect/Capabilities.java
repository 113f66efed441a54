package dev.retort.dialect;

/**
 * What a database can do, asked by shared code instead of asking which database it is.
 *
 * @param transactionalDdl DDL takes part in transactions, so a failed migration rolls back whole
 * @param alterColumnInPlace {@code ALTER TABLE} can change a column's type, nullability and
 *     default; without it the dialect rebuilds the table and needs a live {@link Catalog}
 * @param addConstraintInPlace constraints can be added to and dropped from an existing table
 * @param schemas the database has named schemas (namespaces) inside one database
 */
public record Capabilities(
    boolean transactionalDdl,
    boolean alterColumnInPlace,
    boolean addConstraintInPlace,
    boolean schemas) {}
