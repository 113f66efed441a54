package dev.retort.maven;

import dev.retort.Retort;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code mvn retort:history [-Dretort.range=A:B]}: the revisions, newest first. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractRetortMojo {
  /** {@code A:B}, either side may be empty, base, head, current or a revision. */
  @Parameter(property = "retort.range")
  String range;

  @Override
  void run(Retort retort) {
    var h = retort.history(Optional.ofNullable(range), false);
    h.revisions().forEach(r -> getLog().info(Describe.revision(r)));
  }
}
