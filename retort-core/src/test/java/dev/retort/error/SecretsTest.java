package dev.retort.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void passwordsInUrlsAreMaskedByPattern() {
    Secrets none = Secrets.none();
    assertThat(none.scrub("jdbc:postgresql://h/d?user=u&password=secret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/d?user=u&password=***&ssl=true");
    assertThat(none.scrub("postgresql://app:secret@h/d")).isEqualTo("postgresql://app:***@h/d");
    assertThat(none.scrub("jdbc:sqlserver://h;user=u;password=secret;db=x"))
        .isEqualTo("jdbc:sqlserver://h;user=u;password=***;db=x");
  }

  @Test
  void knownPasswordsAreMaskedWhereverADriverPutsThem() {
    Secrets s = Secrets.inUrls("jdbc:mariadb://u:SECRETPW@127.0.0.1/db");
    // the MariaDB driver reads "u:SECRETPW@127.0.0.1" as host and port
    assertThat(s.scrub("Incorrect port value : SECRETPW@127.0.0.1"))
        .isEqualTo("Incorrect port value : ***@127.0.0.1");
    Secrets bare = Secrets.inUrls("u:SECRETPW@host/db");
    assertThat(bare.scrub("'u:SECRETPW@host/db' is not a database URL")).doesNotContain("SECRETPW");
    Secrets param = Secrets.inUrls("jdbc:postgresql://h/d?password=hunter22");
    assertThat(param.scrub("No suitable driver found for hunter22"))
        .isEqualTo("No suitable driver found for ***");
  }

  @Test
  void percentEncodedPasswordsAreMaskedInBothForms() {
    Secrets s = Secrets.inUrls("postgresql://u:p%40ssw0rd@h/d");
    assertThat(s.scrub("raw p%40ssw0rd and decoded p@ssw0rd")).isEqualTo("raw *** and decoded ***");
  }

  @Test
  void givenPasswordsAreMaskedAsTheyAre() {
    Secrets s = Secrets.of(List.of(), List.of("correct horse"));
    assertThat(s.scrub("FATAL: password \"correct horse\" rejected"))
        .doesNotContain("correct horse");
    assertThat(Secrets.of(List.of(), List.of("ab")).scrub("a tab")).isEqualTo("a tab");
  }

  @Test
  void anExceptionKeepsItsTypeAndExitCodeAndLosesTheSecretInItsCauses() {
    Secrets s = Secrets.inUrls("jdbc:postgresql://u:SECRETPW@h/d");
    SQLException driver = new SQLException("Unable to parse URL jdbc:postgresql://u:SECRETPW@h/d");
    DatabaseException e = new DatabaseException("cannot connect", driver);
    RuntimeException scrubbed = s.scrub(e);
    assertThat(scrubbed).isSameAs(e).isInstanceOf(DatabaseException.class);
    assertThat(((RetortException) scrubbed).exitCode()).isEqualTo(ExitCode.DATABASE);
    StringWriter trace = new StringWriter();
    scrubbed.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString())
        .doesNotContain("SECRETPW")
        .contains("java.sql.SQLException: Unable to parse URL")
        .contains("u:***@h/d");
  }

  @Test
  void anExceptionWithoutSecretsIsLeftAlone() {
    UsageException e = new UsageException("bad target", new IllegalArgumentException("x"));
    assertThat(Secrets.inUrls("jdbc:postgresql://u:SECRETPW@h/d").scrub(e)).isSameAs(e);
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aForeignExceptionBecomesARetortExceptionWithoutTheSecret() {
    RuntimeException e = new IllegalArgumentException("bad URL postgresql://u:SECRETPW@h/d");
    RuntimeException scrubbed = Secrets.none().scrub(e);
    assertThat(scrubbed).isInstanceOf(RetortException.class);
    assertThat(scrubbed.getMessage())
        .contains("IllegalArgumentException")
        .doesNotContain("SECRETPW");
  }
}
