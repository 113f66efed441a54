package dev.retort.maven;

import dev.retort.RepairResult;
import dev.retort.Retort;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn retort:repair}: records the checksums of applied migrations whose files were changed
 * on purpose, and clears dirty migrations whose file was fixed.
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractRetortMojo {
  @Override
  void run(Retort retort) {
    RepairResult r = retort.repair();
    if (r.isEmpty()) {
      getLog().info("Nothing to repair.");
    }
    r.rerecorded()
        .forEach(i -> getLog().info("re-recorded the checksum of " + Describe.revision(i)));
    r.cleared().forEach(d -> getLog().info("cleared dirty " + d));
    r.stillDirty().forEach(d -> getLog().warn("still dirty (its file is as it failed): " + d));
  }
}
