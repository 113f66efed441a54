package dev.retort.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Retort's version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "retort " + (v == null ? "(development build)" : v), "Java " + Runtime.version()
    };
  }
}
