package dev.retort.maven;

import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn retort:heads}: the revisions no other revision follows. */
@Mojo(name = "heads", threadSafe = true)
public class HeadsMojo extends AbstractRetortMojo {
  @Override
  void run(Retort retort) {
    retort.heads().forEach(r -> getLog().info(Describe.revision(r) + " (head)"));
  }
}
