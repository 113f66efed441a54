package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn retort:upgrade [-Dretort.target=heads]}: applies migrations forward. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractRetortMojo {
  /** Where to go: heads (default), head, a revision, +N, BRANCH@head... */
  @Parameter(property = "retort.target", defaultValue = "heads")
  String target;

  @Override
  void run(Retort retort) {
    Steps.log(getLog(), retort.upgrade(target), "upgrade");
  }
}
