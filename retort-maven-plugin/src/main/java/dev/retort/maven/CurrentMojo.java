package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn retort:current}: the revisions the database is at. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractRetortMojo {
  @Override
  void run(Retort retort) {
    var status = retort.status();
    if (status.revisions().isEmpty()) {
      getLog().info("base (no migration applied)");
    }
    status.revisions().forEach(r -> getLog().info(Describe.revision(r)));
    status.dirty().forEach(d -> getLog().warn("dirty: " + d));
  }
}
