package dev.retort.inspect;

import java.sql.Connection;
import java.sql.SQLException;

/** Fills a scratch copy of the database with a desired schema (the statements of schema.sql). */
@FunctionalInterface
public interface ScratchLoader {
  void load(Connection scratch) throws SQLException;
}
