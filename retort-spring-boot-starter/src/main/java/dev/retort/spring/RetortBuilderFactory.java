package dev.retort.spring;

import dev.retort.Retort;
import dev.retort.RetortConfig;
import dev.retort.error.UsageException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/** Turns the {@code retort.*} properties and the application's database into a {@link Retort}. */
final class RetortBuilderFactory {
  private static final Log log = LogFactory.getLog(Retort.class);

  private RetortBuilderFactory() {}

  /**
   * The builder for the database Retort migrates: {@code retort.url}, else a {@link
   * RetortDataSource}, else the application's database as another {@code retort.user}, else the
   * application's DataSource.
   */
  static RetortConfig.Builder builder(
      RetortProperties p,
      DataSource retortDataSource,
      DataSource applicationDataSource,
      JdbcConnectionDetails connection,
      Environment env,
      ClassLoader classLoader) {
    RetortConfig.Builder b = Retort.configure();
    if (StringUtils.hasText(p.getUrl())) {
      b.url(p.getUrl()).user(p.getUser()).password(p.getPassword());
    } else if (retortDataSource != null) {
      b.dataSource(retortDataSource);
    } else if (StringUtils.hasText(p.getUser())) {
      if (connection == null || !StringUtils.hasText(connection.getJdbcUrl())) {
        throw new UsageException(
            "retort.user is set without retort.url, and the application's "
                + "database has no JDBC URL to connect to as that user (spring.datasource.url); set "
                + "retort.url too, or mark a DataSource bean @RetortDataSource");
      }
      b.url(connection.getJdbcUrl())
          .user(p.getUser())
          .password(p.getPassword() != null ? p.getPassword() : connection.getPassword());
    } else if (applicationDataSource != null) {
      b.dataSource(applicationDataSource);
    } else {
      throw new UsageException(
          "Retort has no database: the application has no single DataSource "
              + "bean; set retort.url, or mark the DataSource to migrate @RetortDataSource");
    }
    b.migrations(p.getMigrations())
        .versionTable(p.getVersionTable())
        .historyTable(p.getHistoryTable())
        .lockTimeout(p.getLockTimeout())
        .classLoader(classLoader)
        .progress(line -> log.info(line));
    if (StringUtils.hasText(p.getSchema())) {
      b.schema(p.getSchema());
    }
    hibernateSettings(env).forEach((k, v) -> b.setting("jpa-property." + k, v));
    return b;
  }

  /**
   * The Hibernate settings the application gives its own JPA ({@code spring.jpa.properties.*} and
   * the naming strategies), so that schema=jpa: reads the entities as the application maps them.
   */
  static Map<String, String> hibernateSettings(Environment env) {
    Binder binder = Binder.get(env);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    List.of("physical", "implicit")
        .forEach(
            kind ->
                binder
                    .bind("spring.jpa.hibernate.naming." + kind + "-strategy", String.class)
                    .ifBound(v -> out.put("hibernate." + kind + "_naming_strategy", v)));
    binder
        .bind("spring.jpa.properties", Bindable.mapOf(String.class, String.class))
        .ifBound(out::putAll);
    return out;
  }
}
