package dev.retort.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The application's classes and its Hibernate, apart from everything else in Retort's process: its
 * parent is the JDK's platform loader, so a Hibernate (or a JDBC driver, a logging library) that
 * Retort's own class path may hold never mixes with the application's. Two exceptions make the
 * bridge: Retort's model and errors ({@code dev.retort.*}) come from Retort's loader, so what the
 * adapter builds is the caller's {@code Schema}; and the adapter itself ({@value #ADAPTER}*),
 * compiled against Hibernate, is defined here from Retort's jar, so that it links against this
 * Hibernate, whichever version it is.
 */
final class SchemaClassLoader extends URLClassLoader {
  static final String ADAPTER = "dev.retort.jpa.hibernate.";

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader retort;

  SchemaClassLoader(List<Path> entries, ClassLoader retort, ClassLoader parent) {
    super("retort-schema", urls(entries), parent);
    this.retort = retort;
  }

  private static URL[] urls(List<Path> entries) {
    URL[] urls = new URL[entries.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = entries.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(entries.get(i) + ": " + e.getMessage(), e);
      }
    }
    return urls;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith("dev.retort.")) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      if (!name.startsWith(ADAPTER)) {
        return retort.loadClass(name);
      }
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = defineAdapter(name);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  private Class<?> defineAdapter(String name) throws ClassNotFoundException {
    String file = name.replace('.', '/') + ".class";
    try (InputStream in = retort.getResourceAsStream(file)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(
          name, bytes, 0, bytes.length, SchemaClassLoader.class.getProtectionDomain());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " from Retort's class path", e);
    }
  }
}
