package dev.retort.maven;

import dev.retort.CompareOptions;
import dev.retort.Retort;
import dev.retort.SchemaDiff;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn retort:check}: fails the build when the database differs from the desired schema (the
 * entities, with {@code schema=jpa:...}): the CI guard that every entity change has its migration.
 * Compiles the project first, so the entities are the current ones.
 */
@Mojo(
    name = "check",
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
    threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class CheckMojo extends AbstractRetortMojo {
  @Override
  void run(Retort retort) throws MojoFailureException {
    SchemaDiff d = retort.diff(CompareOptions.defaults());
    d.notes().forEach(n -> getLog().warn(n));
    d.leftOut().ifPresent(n -> getLog().warn(n));
    String source = retort.config().schema().orElseThrow().describe();
    if (d.isEmpty()) {
      getLog().info("The database matches " + source + ".");
      return;
    }
    getLog()
        .error(
            "The database differs from "
                + source
                + " ("
                + d.upgrade().size()
                + " change"
                + (d.upgrade().size() == 1 ? "" : "s")
                + " needed):");
    d.upgrade().forEach(s -> getLog().error("  " + s.description()));
    d.renameWarnings().forEach(w -> getLog().warn("  note: " + w));
    throw new MojoFailureException(
        "retort: the database differs from "
            + source
            + "; run 'mvn "
            + "retort:revision -Dretort.autogenerate -Dretort.message=\"...\"' to write the migration");
  }
}
