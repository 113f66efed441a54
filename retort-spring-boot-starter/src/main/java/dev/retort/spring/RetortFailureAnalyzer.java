package dev.retort.spring;

import dev.retort.error.RetortException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Retort error at start-up into Boot's "APPLICATION FAILED TO START" report: Retort's own
 * message (which says what, where and what to do) instead of a stack of bean-creation wrappers.
 */
public class RetortFailureAnalyzer extends AbstractFailureAnalyzer<RetortException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RetortException cause) {
    String action =
        switch (cause.exitCode()) {
          case CHECK_FAILED ->
              "Bring the migrations and the desired schema together, or set "
                  + "retort.fail-on-drift=false.";
          case DATABASE ->
              "Check that the database is reachable and what it said; Retort recorded "
                  + "which step failed in its history table (GET /actuator/retort, or 'retort history "
                  + "--applied').";
          default -> "Fix what the message names, then start the application again.";
        };
    return new FailureAnalysis(
        "Retort could not prepare the database: " + cause.getMessage(), action, cause);
  }
}
