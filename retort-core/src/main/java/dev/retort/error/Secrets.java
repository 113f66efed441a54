package dev.retort.error;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from text that leaves Retort: messages on standard error, library exceptions
 * with their causes, rows of the history table. Drivers put URLs into their messages as they were
 * given, and in forms no single pattern covers ("Incorrect port value : SECRET@127.0.0.1"), so the
 * passwords Retort was given (in URLs, settings and the environment) are replaced wherever they
 * appear, and whatever still looks like a password in a URL ({@code //user:pw@}, {@code
 * password=pw}) is replaced too.
 *
 * <pre>{@code
 * Secrets s = Secrets.inUrls("postgresql://app:hunter22@db/app");
 * s.scrub("cannot connect to jdbc:postgresql://app:hunter22@db/app")
 *     // "cannot connect to jdbc:postgresql://app:***@db/app"
 * }</pre>
 */
public final class Secrets {
  /** What replaces a password. */
  public static final String MASK = "***";

  /**
   * Shorter values are replaced only where a pattern says they are a password: replacing every "ab"
   * in a message would garble it and hide little.
   */
  private static final int MIN_LITERAL = 3;

  private static final Pattern PARAMETER =
      Pattern.compile("(?i)((?:password|passwd|pwd)=)([^&;,\\s'\"]+)");
  private static final Pattern USER_INFO = Pattern.compile("(//[^:/@\\s]*:)([^@/\\s]*)(@)");

  private static final Secrets NONE = new Secrets(List.of());

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** No known secret: only the patterns apply. */
  public static Secrets none() {
    return NONE;
  }

  /**
   * The secrets given to Retort: the password part and {@code password=} parameters of each of
   * {@code urls} (any form: JDBC, {@code postgresql://}, without a scheme; raw and
   * percent-decoded), and each of {@code passwords} as it is. Nulls and blanks are passed over.
   */
  public static Secrets of(Collection<String> urls, Collection<String> passwords) {
    Set<String> found = new LinkedHashSet<>();
    for (String url : urls) {
      if (url != null && !url.isBlank()) {
        found.addAll(inUrl(url));
      }
    }
    for (String p : passwords) {
      if (p != null && !p.isBlank()) {
        found.add(p);
      }
    }
    return new Secrets(ordered(found));
  }

  /** The secrets in {@code url}: {@code of(List.of(url), List.of())}. */
  public static Secrets inUrls(String... urls) {
    return of(java.util.Arrays.asList(urls), List.of());
  }

  /** These secrets and those of {@code other}. */
  public Secrets and(Secrets other) {
    Set<String> all = new LinkedHashSet<>(values);
    all.addAll(other.values);
    return new Secrets(ordered(all));
  }

  private static List<String> ordered(Set<String> found) {
    List<String> out = new ArrayList<>();
    for (String v : found) {
      if (v.length() >= MIN_LITERAL) {
        out.add(v);
      }
    }
    // the longest first, so that a password containing another is replaced whole
    out.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(out);
  }

  /** The passwords a URL holds: after {@code user:} before the last {@code @}, and parameters. */
  static List<String> inUrl(String url) {
    List<String> out = new ArrayList<>();
    int scheme = url.indexOf("://");
    int from = scheme < 0 ? 0 : scheme + 3;
    int at = url.lastIndexOf('@');
    if (at > from) {
      String userInfo = url.substring(from, at);
      int slash = userInfo.indexOf('/');
      if (slash < 0) {
        int colon = userInfo.indexOf(':');
        if (colon >= 0 && colon + 1 < userInfo.length()) {
          addWithDecoded(out, userInfo.substring(colon + 1));
        }
      }
    }
    Matcher m = PARAMETER.matcher(url);
    while (m.find()) {
      addWithDecoded(out, m.group(2));
    }
    return out;
  }

  private static void addWithDecoded(List<String> out, String raw) {
    out.add(raw);
    try {
      String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      if (!decoded.equals(raw)) {
        out.add(decoded);
      }
    } catch (IllegalArgumentException e) {
      // a malformed escape: the raw form is all there is to hide
    }
  }

  /** {@code text} with every known secret and every password-looking part of a URL masked. */
  public String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      if (out.contains(v)) {
        out = out.replace(v, MASK);
      }
    }
    out =
        USER_INFO
            .matcher(out)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        m.group(2).equals(MASK) ? m.group() : m.group(1) + MASK + m.group(3)));
    out = PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    return out;
  }

  /**
   * {@code e} with its message, and those of its causes and suppressed exceptions, scrubbed; the
   * same object when nothing in it needed it. A Retort exception keeps its type and exit code;
   * anything else becomes a {@link RetortException} (exit code 2) saying what it was.
   */
  public RuntimeException scrub(RuntimeException e) {
    if (!needsScrubbing(e, 0)) {
      return e;
    }
    Throwable cause = e.getCause() == null ? null : scrubbed(e.getCause(), 1);
    if (e instanceof RetortException re) {
      re.redact(scrub(re.getMessage()), cause);
      return re;
    }
    RetortException wrapped = new RetortException(ExitCode.USAGE, scrub(e.toString()));
    wrapped.redact(scrub(e.toString()), cause);
    wrapped.setStackTrace(e.getStackTrace());
    return wrapped;
  }

  private boolean needsScrubbing(Throwable t, int depth) {
    if (t == null || depth > 32) {
      return false;
    }
    if (!String.valueOf(t.getMessage()).equals(scrub(String.valueOf(t.getMessage())))) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (needsScrubbing(s, depth + 1)) {
        return true;
      }
    }
    return t.getCause() != t && needsScrubbing(t.getCause(), depth + 1);
  }

  /** A stand-in for {@code t} that prints as {@code t} did, less the secrets. */
  private Throwable scrubbed(Throwable t, int depth) {
    if (!needsScrubbing(t, depth)) {
      return t;
    }
    Redacted r =
        new Redacted(
            scrub(t.toString()),
            t.getCause() == null || t.getCause() == t || depth > 32
                ? null
                : scrubbed(t.getCause(), depth + 1));
    r.setStackTrace(t.getStackTrace());
    for (Throwable s : t.getSuppressed()) {
      r.addSuppressed(scrubbed(s, depth + 1));
    }
    return r;
  }

  /** A cause whose message held a secret: its class name and message, scrubbed, and its trace. */
  static final class Redacted extends Exception {
    private static final long serialVersionUID = 1L;
    private final String shown;

    Redacted(String shown, Throwable cause) {
      super(shown, cause);
      this.shown = shown;
    }

    @Override
    public String toString() {
      return shown;
    }
  }
}
