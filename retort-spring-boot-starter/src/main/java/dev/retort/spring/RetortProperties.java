package dev.retort.spring;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * The {@code retort.*} properties of a Spring Boot application.
 *
 * <pre>{@code
 * retort.migrations=classpath:db/retort
 * retort.target=heads
 * retort.check-on-startup=true
 * retort.schema=jpa:com.example.model
 * }</pre>
 */
@ConfigurationProperties("retort")
public class RetortProperties {
  /** Whether Retort upgrades the database when the application starts. */
  private boolean enabled = true;

  /**
   * JDBC URL of the database to migrate, when it is not the application's DataSource. Without it,
   * Retort uses the application's DataSource (or the one qualified with @RetortDataSource).
   */
  private String url;

  /**
   * Database user to migrate as. With url, the user for that database; without url, the
   * application's database with this user instead of the DataSource's.
   */
  private String user;

  /** Password of the user; never printed. */
  private String password;

  /**
   * Where the migrations are: classpath:DIR (SQL files and compiled migrations of the package of
   * that name) or a directory.
   */
  private String migrations = "classpath:db/retort";

  /** What to upgrade to on start-up: heads, head, a revision id or prefix, BRANCH@head, +N. */
  private String target = "heads";

  /**
   * How long start-up waits for another instance's migration to finish; a number alone is seconds.
   */
  @DurationUnit(ChronoUnit.SECONDS)
  private Duration lockTimeout = Duration.ofMinutes(5);

  /**
   * Whether start-up compares the upgraded database with the desired schema (retort.schema) and
   * reports what differs.
   */
  private boolean checkOnStartup = false;

  /**
   * Whether a difference found by check-on-startup stops the application; when false it is logged
   * as a warning.
   */
  private boolean failOnDrift = true;

  /**
   * The desired schema for check-on-startup: jpa:PACKAGE[,PACKAGE|CLASS...] for JPA entities, or a
   * schema.sql file or a Java schema definition (.java), relative to the working directory.
   */
  private String schema;

  /** The version table, name or schema.name. */
  private String versionTable = "retort_version";

  /** The history table, name or schema.name. */
  private String historyTable = "retort_history";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getMigrations() {
    return migrations;
  }

  public void setMigrations(String migrations) {
    this.migrations = migrations;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public Duration getLockTimeout() {
    return lockTimeout;
  }

  public void setLockTimeout(Duration lockTimeout) {
    this.lockTimeout = lockTimeout;
  }

  public boolean isCheckOnStartup() {
    return checkOnStartup;
  }

  public void setCheckOnStartup(boolean checkOnStartup) {
    this.checkOnStartup = checkOnStartup;
  }

  public boolean isFailOnDrift() {
    return failOnDrift;
  }

  public void setFailOnDrift(boolean failOnDrift) {
    this.failOnDrift = failOnDrift;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public String getVersionTable() {
    return versionTable;
  }

  public void setVersionTable(String versionTable) {
    this.versionTable = versionTable;
  }

  public String getHistoryTable() {
    return historyTable;
  }

  public void setHistoryTable(String historyTable) {
    this.historyTable = historyTable;
  }
}
