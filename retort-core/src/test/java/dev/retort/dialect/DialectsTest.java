package dev.retort.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.dialect.mysql.MySqlDialect;
import dev.retort.dialect.postgres.PostgresDialect;
import dev.retort.dialect.sqlite.SqliteDialect;
import dev.retort.error.UsageException;
import dev.retort.schema.QualifiedName;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialectsTest {

  @Test
  void findsTheBuiltInDialects() {
    assertThat(Dialects.forUrl("jdbc:postgresql://db:5432/app?user=u&password=s"))
        .isInstanceOf(PostgresDialect.class);
    assertThat(Dialects.forUrl("jdbc:sqlite:/tmp/app.db")).isInstanceOf(SqliteDialect.class);
    assertThat(Dialects.forUrl("jdbc:sqlite::memory:")).isInstanceOf(SqliteDialect.class);
    assertThat(Dialects.forUrl("jdbc:mariadb://db:3306/app?user=root"))
        .isInstanceOf(MySqlDialect.class);
    assertThat(Dialects.forUrl("jdbc:mysql://db:3306/app")).isInstanceOf(MySqlDialect.class);
    assertThat(Dialects.all())
        .extracting(Dialect::name)
        .containsExactly("postgresql", "sqlite", "mysql");
  }

  @Test
  void anUnknownUrlNamesItsPrefixAndTheKnownDialectsButNeverThePassword() {
    assertThatThrownBy(
            () -> Dialects.forUrl("jdbc:oracle://admin:hunter2@db:1521/app?password=hunter2"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("jdbc:oracle:")
        .hasMessageContaining("postgresql, sqlite, mysql")
        .hasMessageContaining("META-INF/services/dev.retort.dialect.Dialect")
        .hasMessageContaining("ServiceLoader")
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("admin");
  }

  @Test
  void aUrlWithoutJdbcPrefixShowsOnlyItsScheme() {
    assertThatThrownBy(() -> Dialects.forUrl("postgres://admin:hunter2@db/app"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("postgres:")
        .hasMessageNotContaining("hunter2");
    assertThat(Dialects.prefixOf("hunter2")).doesNotContain("hunter2");
    assertThat(Dialects.prefixOf("user:hunter2@host")).isEqualTo("user:");
    assertThat(Dialects.prefixOf("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:");
    assertThat(Dialects.prefixOf("jdbc:pass word:x")).doesNotContain("pass word");
  }

  @Test
  void findsADialectThroughServiceLoader(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + Dialect.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, FakeDialect.class.getName() + "\n");
    Dialect found = withClassLoader(dir, () -> Dialects.forUrl("jdbc:fake:thing"));
    assertThat(found).isInstanceOf(FakeDialect.class);
    List<Dialect> all = withClassLoader(dir, Dialects::all);
    assertThat(all)
        .extracting(Dialect::name)
        .containsExactly("postgresql", "sqlite", "mysql", "fake");
  }

  @Test
  void twoDialectsForOneUrlIsAnErrorNotAPriority(@TempDir Path dir) throws Exception {
    Path services = dir.resolve("META-INF/services/" + Dialect.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, GreedyDialect.class.getName() + "\n");
    assertThatThrownBy(() -> withClassLoader(dir, () -> Dialects.forUrl("jdbc:sqlite:x.db")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("sqlite, greedy")
        .hasMessageContaining("Remove all but one");
  }

  private static <T> T withClassLoader(Path dir, Callable<T> body) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, DialectsTest.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return body.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** A third-party dialect, as ServiceLoader would find it. */
  public static class FakeDialect implements Dialect {
    public FakeDialect() {}

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public boolean accepts(String url) {
      return url.startsWith("jdbc:fake:");
    }

    @Override
    public Capabilities capabilities() {
      return new Capabilities(false, false, false);
    }

    @Override
    public Renderer renderer(Catalog catalog) {
      return new PostgresDialect().renderer(catalog);
    }

    @Override
    public Catalog catalog(Connection connection) {
      return Catalog.NONE;
    }

    @Override
    public MigrationLock lock() {
      return (c, k, t) -> () -> {};
    }

    @Override
    public String quote(String identifier) {
      return identifier;
    }

    @Override
    public String literal(Object value) {
      return String.valueOf(value);
    }

    @Override
    public List<Sql> createVersionTables(QualifiedName version, QualifiedName history) {
      return List.of();
    }
  }

  /** A dialect that claims every URL. */
  public static class GreedyDialect extends FakeDialect {
    public GreedyDialect() {}

    @Override
    public String name() {
      return "greedy";
    }

    @Override
    public boolean accepts(String url) {
      return true;
    }
  }
}
