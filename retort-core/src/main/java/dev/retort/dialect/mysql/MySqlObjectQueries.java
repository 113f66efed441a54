package dev.retort.dialect.mysql;

/**
 * The {@code information_schema} queries behind {@link MySqlObjects}: five, however many views,
 * triggers and routines the current database holds. {@code SHOW CREATE} is not used: it answers for
 * one object at a time, and its text carries the DEFINER, which names a user of this server.
 */
final class MySqlObjectQueries {
  private MySqlObjectQueries() {}

  /**
   * Views; {@code %s} is the ALGORITHM column on MariaDB and {@code 'UNDEFINED'} on MySQL, whose
   * VIEWS table does not have it (nor says it anywhere but in SHOW CREATE VIEW).
   */
  static final String VIEWS =
      """
      SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, %s
      FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()
      ORDER BY TABLE_NAME""";

  /** Triggers, in the order they fire for each table, timing and event. */
  static final String TRIGGERS =
      """
      SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_ORDER,
             ACTION_STATEMENT
      FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
      ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER""";

  /** Stored functions and procedures (and MariaDB's packages, which are reported). */
  static final String ROUTINES =
      """
      SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,
             SQL_DATA_ACCESS, SECURITY_TYPE, ROUTINE_COMMENT
      FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
      ORDER BY ROUTINE_TYPE, ROUTINE_NAME""";

  /** The routines' parameters, in order; position 0 is a function's result, which ROUTINES has. */
  static final String PARAMETERS =
      """
      SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
      FROM information_schema.PARAMETERS
      WHERE SPECIFIC_SCHEMA = DATABASE() AND ORDINAL_POSITION > 0
      ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION""";

  /** Scheduled events, which are not modelled and only reported. */
  static final String EVENTS =
      """
      SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
      ORDER BY EVENT_NAME""";
}
