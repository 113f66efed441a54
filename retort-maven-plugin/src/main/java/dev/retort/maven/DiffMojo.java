package dev.retort.maven;

import dev.retort.CompareOptions;
import dev.retort.Retort;
import dev.retort.SchemaDiff;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn retort:diff}: the SQL autogenerate would write; writes nothing. */
@Mojo(
    name = "diff",
    requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
    threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class DiffMojo extends AbstractRetortMojo {
  @Override
  void run(Retort retort) {
    SchemaDiff d = retort.diff(CompareOptions.defaults());
    if (d.isEmpty()) {
      getLog().info("-- no changes: the database matches the desired schema");
    }
    d.notes().forEach(n -> getLog().warn(n));
    d.leftOut().ifPresent(n -> getLog().warn(n));
    d.renameWarnings().forEach(w -> getLog().warn(w));
    for (SchemaDiff.Step s : d.upgrade()) {
      getLog().info("-- " + s.description());
      s.dataLoss().ifPresent(w -> getLog().warn("-- DATA LOSS: " + w));
      s.statements().forEach(sql -> getLog().info(sql + ";"));
    }
  }
}
