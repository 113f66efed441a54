package dev.retort.maven;

import dev.retort.Retort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn retort:sql [-Dretort.range=FROM:TO] [-Dretort.output=file]}: the upgrade (or, with
 * {@code -Dretort.downgrade}, downgrade) as an SQL script, without running it.
 */
@Mojo(name = "sql", threadSafe = true)
public class SqlMojo extends AbstractRetortMojo {
  /** {@code [FROM:]TO}; an upgrade starts at base when FROM is left out. */
  @Parameter(property = "retort.range", defaultValue = "heads")
  String range;

  /** The script of a downgrade instead; its range must say where it starts. */
  @Parameter(property = "retort.downgrade", defaultValue = "false")
  boolean downgrade;

  /** Where to write the script; the build log when not set. */
  @Parameter(property = "retort.output")
  java.io.File output;

  @Override
  void run(Retort retort) throws MojoExecutionException {
    String script = downgrade ? retort.downgradeSql(range) : retort.upgradeSql(range);
    if (output == null) {
      script.lines().forEach(l -> getLog().info(l));
      return;
    }
    try {
      Files.createDirectories(output.toPath().toAbsolutePath().getParent());
      Files.writeString(output.toPath(), script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("retort: cannot write " + output + ": " + e.getMessage(), e);
    }
    getLog().info("Wrote " + output);
  }
}
