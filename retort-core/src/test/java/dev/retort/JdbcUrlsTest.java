package dev.retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.error.UsageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
  private final Path project = Path.of("/srv/app");

  @Test
  void postgresUrlsInTheFormEnvFilesUse() {
    JdbcUrls.Parsed p = JdbcUrls.toJdbc("postgresql://app:p%40ss@db.internal:5433/shop", project);
    assertThat(p.url()).isEqualTo("jdbc:postgresql://db.internal:5433/shop");
    assertThat(p.user()).contains("app");
    assertThat(p.password()).contains("p@ss");
    assertThat(JdbcUrls.toJdbc("postgres://db/shop", project).user()).isEmpty();
    assertThat(JdbcUrls.toJdbc("postgresql+psycopg2://u@h/d", project).url())
        .isEqualTo("jdbc:postgresql://h/d");
  }

  @Test
  void sqliteFilesAreRelativeToTheProject() {
    assertThat(JdbcUrls.toJdbc("jdbc:sqlite:app.db", project).url())
        .isEqualTo("jdbc:sqlite:/srv/app/app.db");
    assertThat(JdbcUrls.toJdbc("sqlite:///data/app.db", project).url())
        .isEqualTo("jdbc:sqlite:/srv/app/data/app.db");
    assertThat(JdbcUrls.toJdbc("jdbc:sqlite:/tmp/x.db", project).url())
        .isEqualTo("jdbc:sqlite:/tmp/x.db");
    assertThat(JdbcUrls.toJdbc("jdbc:sqlite::memory:", project).url())
        .isEqualTo("jdbc:sqlite::memory:");
  }

  @Test
  void otherJdbcUrlsPassThroughAndNonsenseIsRefused() {
    assertThat(JdbcUrls.toJdbc("jdbc:postgresql://h/d?user=u", project).url())
        .isEqualTo("jdbc:postgresql://h/d?user=u");
    assertThatThrownBy(() -> JdbcUrls.toJdbc("localhost:5432", project))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("not a database URL");
  }

  @Test
  void aConfigurationNeverPrintsItsPassword() {
    RetortConfig c = Retort.configure().url("postgresql://app:secret@h/d").password("x").build();
    assertThat(c.toString()).doesNotContain("secret");
  }

  @Test
  void aBadPercentEscapeIsAUsageErrorThatDoesNotEchoThePassword() {
    assertThatThrownBy(() -> JdbcUrls.toJdbc("postgresql://u:pw%zzsecret@h/d", project))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("%25")
        .hasMessageNotContaining("pw%zzsecret");
  }

  @Test
  void aUrlWithoutSchemeIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> JdbcUrls.toJdbc("u:SECRETPW@host/db", project))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("not a database URL")
        .hasMessageNotContaining("SECRETPW");
  }
}
