package dev.retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./retort} launcher picks its JDK as Maven does: {@code JAVA_HOME}'s when that is set,
 * else the {@code java} on the PATH. Runs after {@code package}, so the jar it starts is current.
 */
class LauncherIT {
  @TempDir Path dir;

  private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("retort");

  private record Run(int exit, String output) {}

  private Run launch(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().put("RETORT_NO_CDS", "1"); // no background archive training from a test
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** A {@code java} first on the PATH that is not a JDK: it says so and fails. */
  private Path fakeJavaDir() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("fake-bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'the java on the PATH ran'\nexit 42\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void javaHomeIsUsedBeforeTheJavaOnThePath() throws Exception {
    String path = fakeJavaDir() + ":" + System.getenv("PATH");
    Run viaPath = launch(Map.of("PATH", path), "--version");
    assertThat(viaPath.exit()).as(viaPath.output()).isEqualTo(42);

    Run viaHome =
        launch(Map.of("PATH", path, "JAVA_HOME", System.getProperty("java.home")), "--version");
    assertThat(viaHome.exit()).as(viaHome.output()).isZero();
    assertThat(viaHome.output()).contains("Java " + Runtime.version());
  }

  @Test
  void aJavaHomeWithoutJavaIsAClearErrorWithExitTwo() throws Exception {
    Path notAJdk = Files.createDirectories(dir.resolve("not-a-jdk"));
    Run r = launch(Map.of("JAVA_HOME", notAJdk.toString()), "--version");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.output())
        .contains("JAVA_HOME is " + notAJdk)
        .contains("has no bin/java")
        .doesNotContain("retort (development build)");
  }
}
