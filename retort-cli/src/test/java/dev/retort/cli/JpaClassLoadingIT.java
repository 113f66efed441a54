package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code schema=jpa:...}, the command line's start-up and its no-op {@code upgrade} load
 * neither Hibernate nor Retort's JPA module: the JVM's own class-loading log says which classes a
 * run loaded. {@code check} does load the module, which shows the log would see it.
 */
class JpaClassLoadingIT {
  @TempDir Path dir;

  private List<String> loaded(String... args) throws Exception {
    Path log = dir.resolve("classes-" + args[0] + ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "-C",
                dir.toString()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out-" + args[0] + ".txt").toFile())
            .start();
    assertThat(p.waitFor())
        .as(Files.readString(dir.resolve("out-" + args[0] + ".txt")))
        .isIn(0, 1, 2);
    return Files.readAllLines(log).stream()
        .filter(
            l ->
                l.contains("org.hibernate.")
                    || l.contains("dev.retort.jpa.")
                    || l.contains("jakarta.persistence."))
        .toList();
  }

  @Test
  void noOpUpgradeLoadsNoHibernateAndNoJpaModule() throws Exception {
    Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(
        dir.resolve("retort.properties"),
        "url=jdbc:sqlite:app.db\n"
            + "schema=jpa:com.example.model\nschema-classpath=target/classes\njpa-naming=spring\n"
            + "jpa-property.hibernate.default_schema=app\n");
    assertThat(loaded("upgrade")).isEmpty();
    assertThat(loaded("current")).isEmpty();
    // the control: the comparison does reach the module (and fails, with no class path there)
    assertThat(loaded("check")).anyMatch(l -> l.contains("dev.retort.jpa.JpaSchemaSource"));
  }
}
