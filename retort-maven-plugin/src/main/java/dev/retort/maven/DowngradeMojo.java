package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn retort:downgrade -Dretort.target=-1|base|REV}: applies migrations backward. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractRetortMojo {
  /** Where to go back to: -1, base, a revision... Required: a downgrade says where it stops. */
  @Parameter(property = "retort.target", required = true)
  String target;

  @Override
  void run(Retort retort) {
    Steps.log(getLog(), retort.downgrade(target), "downgrade");
  }
}
