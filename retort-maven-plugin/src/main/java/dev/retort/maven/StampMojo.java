package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn retort:stamp -Dretort.target=REV}: sets the version table without running migrations.
 */
@Mojo(name = "stamp", threadSafe = true)
public class StampMojo extends AbstractRetortMojo {
  /** The revision(s) to record: a revision, heads, base... */
  @Parameter(property = "retort.target", required = true)
  String target;

  /** Clear the version table first. */
  @Parameter(property = "retort.purge", defaultValue = "false")
  boolean purge;

  @Override
  void run(Retort retort) {
    Steps.log(getLog(), retort.stamp(target, purge), "stamp");
  }
}
