package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.DatabaseException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework's {@link DataSource} in place of a URL: what the Spring Boot starter gives Retort.
 */
class DataSourceIT {
  static final String PG_ADMIN_URL =
      System.getenv()
          .getOrDefault(
              "RETORT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @TempDir Path dir;

  @BeforeEach
  void migrations() throws Exception {
    Path m = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        m.resolve("a1_users.sql"),
        """
        -- retort:revision a1
        -- retort:message users
        -- retort:upgrade
        CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);
        -- retort:downgrade
        DROP TABLE users;
        """);
    Files.writeString(
        m.resolve("b2_posts.sql"),
        """
        -- retort:revision b2
        -- retort:revises a1
        -- retort:message posts
        -- retort:upgrade
        CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id));
        -- retort:downgrade
        DROP TABLE posts;
        """);
  }

  @Test
  void upgradesThroughTheDataSourceAndClosesEveryConnectionItTook() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("app.db");
    Counting source = new Counting(url);
    // a URL in the environment is not the database when a data source is given
    Retort retort =
        Retort.configure()
            .projectDir(dir)
            .environment(Map.of("DATABASE_URL", "jdbc:postgresql://nowhere.invalid/x"))
            .dataSource(source)
            .load();

    RunResult r = retort.upgrade("heads");

    assertThat(r.after()).containsExactly("b2");
    assertThat(retort.config().url()).isEmpty();
    assertThat(retort.current()).containsExactly("b2");
    assertThat(retort.inspect().tables())
        .extracting(t -> t.name().name())
        .containsExactlyInAnyOrder("users", "posts");
    assertThat(retort.upgradeSql("a1:b2")).contains("CREATE TABLE posts");
    assertThat(source.opened.get()).isPositive().isEqualTo(source.closed.get());
    assertThat(retort.config().toString()).contains("(a data source)");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM retort_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("b2");
    }
  }

  @Test
  void findsPostgresFromTheConnectionsUrl() throws Exception {
    String name = "retort_ds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL);
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    try {
      int slash = PG_ADMIN_URL.indexOf('/', "jdbc:postgresql://".length());
      int q = PG_ADMIN_URL.indexOf('?');
      String url =
          PG_ADMIN_URL.substring(0, slash + 1) + name + (q < 0 ? "" : PG_ADMIN_URL.substring(q));
      Counting source = new Counting(url);
      Retort retort = Retort.configure().projectDir(dir).dataSource(source).load();

      assertThat(retort.upgrade("a1").after()).containsExactly("a1");
      assertThat(retort.history(java.util.Optional.empty(), true).revisions()).hasSize(2);
      assertThat(retort.applied()).extracting(AppliedStep::revision).containsExactly("a1");
      assertThat(source.opened.get()).isEqualTo(source.closed.get());
    } finally {
      try (Connection admin = DriverManager.getConnection(PG_ADMIN_URL);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  void aDataSourceThatCannotConnectIsOneDatabaseError() {
    Counting broken = new Counting("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    Retort retort = Retort.configure().projectDir(dir).dataSource(broken).load();

    assertThatThrownBy(() -> retort.upgrade("heads"))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("cannot connect through the data source: ");
  }

  /** A data source over the driver that counts what it hands out and what comes back. */
  static final class Counting implements DataSource {
    final String url;
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    Counting(String url) {
      this.url = url;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = DriverManager.getConnection(url);
      opened.incrementAndGet();
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if (method.getName().equals("close") && !real.isClosed()) {
                  closed.incrementAndGet();
                }
                try {
                  return method.invoke(real, args);
                } catch (java.lang.reflect.InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      throw new SQLException("not used");
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
