package dev.retort.dialect.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a schema file needs a scratch database rather than the scratch schema, decided offline. */
class PostgresScratchDatabaseTest {
  private static final Set<String> LIVE = Set.of("public", "app", "Mixed Case");

  private static String reason(String... statements) {
    return PostgresScratchDatabase.reason(List.of(statements), LIVE).orElse(null);
  }

  @Test
  void unqualifiedNamesStayInTheScratchSchema() {
    assertThat(
            reason(
                "CREATE TABLE users (id serial PRIMARY KEY, email text)",
                "CREATE TABLE orders (user_id int REFERENCES users (id), total numeric(10,2))",
                "CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION f()",
                "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.email := lower(NEW.email);"
                    + " RETURN NEW; END $$ LANGUAGE plpgsql",
                "SELECT pg_catalog.setval('users_id_seq', 1)",
                "CREATE TABLE other.t (a int)"))
        .isNull();
  }

  @Test
  void aLiveSchemaNameInAnySpellingNeedsADatabase() {
    assertThat(reason("CREATE TABLE public.users (id int)")).contains("names the schema public");
    assertThat(reason("CREATE TABLE PUBLIC . users (id int)")).contains("public");
    assertThat(reason("CREATE TABLE \"app\"/* here */.users (id int)")).contains("app");
    assertThat(reason("CREATE TABLE \"Mixed Case\".t (id int)")).contains("Mixed Case");
    assertThat(reason("CREATE TABLE t (id int DEFAULT nextval('app.s'::regclass))"))
        .contains("app");
    assertThat(reason("CREATE TABLE \"mixed case\".t (id int)")).isNull();
    assertThat(reason("CREATE TABLE mixed.t (id int)")).isNull();
  }

  @Test
  void droppingOrAlteringALiveSchemaNeedsADatabase() {
    assertThat(reason("DROP SCHEMA IF EXISTS public CASCADE"))
        .contains("drops or alters the schema public");
    assertThat(reason("drop schema other, \"app\" restrict")).contains("schema app");
    assertThat(reason("ALTER SCHEMA app RENAME TO old_app")).contains("schema app");
    assertThat(reason("DROP SCHEMA IF EXISTS mine CASCADE")).isNull();
  }

  @Test
  void changingTheSearchPathNeedsADatabase() {
    assertThat(reason("SELECT pg_catalog.set_config('search_path', '', false)"))
        .contains("changes the search path");
    assertThat(reason("SET search_path = app, public")).contains("search path");
    assertThat(reason("SET SCHEMA 'app'")).contains("search path");
    assertThat(reason("RESET ALL")).contains("search path");
  }

  @Test
  void theScratchUrlKeepsHostAndProperties() {
    assertThat(
            PostgresScratchDatabase.urlFor(
                "jdbc:postgresql://127.0.0.1:5432/app?user=postgres&ssl=false", "scratch"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/scratch?user=postgres&ssl=false");
    assertThat(PostgresScratchDatabase.urlFor("jdbc:postgresql://h1,h2:5433/app", "s"))
        .isEqualTo("jdbc:postgresql://h1,h2:5433/s");
    assertThat(PostgresScratchDatabase.urlFor("jdbc:postgresql://[::1]?user=x", "s"))
        .isEqualTo("jdbc:postgresql://[::1]/s?user=x");
    assertThat(PostgresScratchDatabase.urlFor("jdbc:postgresql:app", "s"))
        .isEqualTo("jdbc:postgresql:s");
  }
}
