package dev.retort.cli;

import dev.retort.error.Secrets;
import dev.retort.text.Inert;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Supplier;

/**
 * Standard error as Retort writes it: every piece of text scrubbed of passwords and stripped of
 * terminal control characters ({@link Inert#terminal}). {@link java.io.PrintWriter#println(String)}
 * and stack traces write a whole message or line per call, so a password is never split across two
 * writes.
 */
final class SafeWriter extends Writer {
  private final Writer out;
  private final Supplier<Secrets> secrets;

  SafeWriter(Writer out, Supplier<Secrets> secrets) {
    this.out = out;
    this.secrets = secrets;
  }

  @Override
  public void write(char[] buf, int off, int len) throws IOException {
    out.write(secrets.get().scrub(Inert.terminal(new String(buf, off, len))));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
