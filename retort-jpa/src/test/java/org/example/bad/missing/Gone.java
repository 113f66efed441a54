package org.example.bad.missing;

/** Removed from the class path by the test. */
public class Gone implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
}
