package dev.retort.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class written with the kit, as a project's build would, and says what became of each
 * of its tests: {@code SUCCESSFUL}, {@code FAILED: message}, {@code ABORTED: message}, by method
 * name. A failure of the class itself (its database could not be made) is under "class".
 */
final class Outcomes {
  private Outcomes() {}

  static Map<String, String> of(Class<?> testClass) {
    Map<String, String> outcomes = new LinkedHashMap<>();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(testClass))
            .build();
    LauncherFactory.create()
        .execute(
            request,
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String name =
                    id.getSource()
                        .map(
                            s ->
                                s
                                        instanceof
                                        org.junit.platform.engine.support.descriptor.MethodSource m
                                    ? m.getMethodName()
                                    : id.isContainer() ? "class" : "?")
                        .orElse("engine");
                if (name.equals("engine")
                    && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                  return;
                }
                if (name.equals("class")
                    && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                  return;
                }
                outcomes.put(
                    name,
                    result.getStatus()
                        + result.getThrowable().map(t -> ": " + t.getMessage()).orElse(""));
              }

              @Override
              public void executionSkipped(TestIdentifier id, String reason) {
                outcomes.put(id.getDisplayName(), "SKIPPED: " + reason);
              }
            });
    return outcomes;
  }
}
