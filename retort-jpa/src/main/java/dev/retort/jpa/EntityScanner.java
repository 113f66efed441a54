package dev.retort.jpa;

import dev.retort.error.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the classes a {@code jpa:} list names: each package's {@code @Entity} and
 * {@code @Converter} classes (sub-packages included; converters because an auto-applied one changes
 * column types), and each class named outright, which must be an entity. Class files are read, not
 * loaded (see {@link ClassFile}).
 */
final class EntityScanner {
  static final String ENTITY = "Ljakarta/persistence/Entity;";
  static final String CONVERTER = "Ljakarta/persistence/Converter;";
  static final String JAVAX_ENTITY = "Ljavax/persistence/Entity;";

  /**
   * What was found.
   *
   * @param classes entity and converter class names, in a stable order
   * @param packages packages with an annotated {@code package-info} (generators, filters...)
   */
  record Found(List<String> classes, List<String> packages) {}

  private EntityScanner() {}

  static Found scan(List<String> targets, ClassLoader loader, List<Path> entries) {
    Set<String> classes = new LinkedHashSet<>();
    Set<String> packages = new LinkedHashSet<>();
    for (String target : targets) {
      String file = target.replace('.', '/') + ".class";
      byte[] own = read(loader, file);
      if (own != null) {
        Set<String> a = ClassFile.annotations(own);
        if (!a.contains(ENTITY)) {
          throw new UsageException(
              "schema=jpa: "
                  + target
                  + " is not an entity: "
                  + (a.contains(JAVAX_ENTITY)
                      ? javaxReason()
                      : "it has no @jakarta.persistence.Entity annotation; name its package or the "
                          + "entity classes instead"));
        }
        classes.add(target);
        continue;
      }
      TreeMap<String, Set<String>> found = new TreeMap<>();
      String prefix = target.replace('.', '/') + "/";
      boolean exists =
          entries.isEmpty()
              ? fromResources(loader, prefix, found)
              : fromEntries(entries, prefix, found);
      if (!exists) {
        throw new UsageException(
            "schema=jpa: no package or class "
                + target
                + " on the schema "
                + "class path"
                + where(entries));
      }
      int entities = 0;
      int javax = 0;
      for (var e : found.entrySet()) {
        String name =
            e.getKey().substring(0, e.getKey().length() - ".class".length()).replace('/', '.');
        if (name.endsWith(".package-info")) {
          if (!e.getValue().isEmpty()) {
            packages.add(name.substring(0, name.length() - ".package-info".length()));
          }
        } else if (e.getValue().contains(ENTITY)) {
          classes.add(name);
          entities++;
        } else if (e.getValue().contains(CONVERTER)) {
          classes.add(name);
        } else if (e.getValue().contains(JAVAX_ENTITY)) {
          javax++;
        }
      }
      if (entities == 0) {
        throw new UsageException(
            "schema=jpa: package "
                + target
                + " has no @Entity class ("
                + found.size()
                + " class file"
                + (found.size() == 1 ? "" : "s")
                + " looked at, "
                + "sub-packages included)"
                + (javax > 0
                    ? "; its "
                        + javax
                        + " javax.persistence "
                        + "entities cannot be read: "
                        + javaxReason()
                    : where(entries)));
      }
    }
    return new Found(List.copyOf(classes), List.copyOf(packages));
  }

  private static String javaxReason() {
    return "it uses javax.persistence (JPA 2, Hibernate 5); Retort reads Jakarta Persistence 3 "
        + "entities (jakarta.persistence, Hibernate 6.6 and 7)";
  }

  private static String where(List<Path> entries) {
    return entries.isEmpty()
        ? " (the class path of the calling thread)"
        : " (schema-classpath: "
            + entries.size()
            + " entr"
            + (entries.size() == 1 ? "y" : "ies")
            + ", the first "
            + entries.get(0)
            + ")";
  }

  private static byte[] read(ClassLoader loader, String file) {
    try (InputStream in = loader.getResourceAsStream(file)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UsageException(
          "cannot read " + file + " from the schema class path: " + e.getMessage(), e);
    }
  }

  /**
   * Class files under {@code prefix} in each directory and jar; whether the package exists in one.
   */
  private static boolean fromEntries(
      List<Path> entries, String prefix, TreeMap<String, Set<String>> found) {
    boolean exists = false;
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        exists |= fromDirectory(entry, prefix, found);
      } else {
        exists |= fromJar(entry, prefix, found);
      }
    }
    return exists;
  }

  private static boolean fromDirectory(
      Path root, String prefix, TreeMap<String, Set<String>> found) {
    Path dir = root.resolve(prefix);
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f)) {
          String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
          found.putIfAbsent(name, ClassFile.annotations(Files.readAllBytes(f)));
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot read " + dir + ": " + e.getMessage(), e);
    }
    return true;
  }

  private static boolean fromJar(Path jar, String prefix, TreeMap<String, Set<String>> found) {
    try (JarFile j = new JarFile(jar.toFile())) {
      return fromJar(j, prefix, found);
    } catch (IOException e) {
      throw new UsageException(
          "schema-classpath: " + jar + " is not a readable jar: " + e.getMessage(), e);
    }
  }

  private static boolean fromJar(JarFile j, String prefix, TreeMap<String, Set<String>> found)
      throws IOException {
    boolean exists = false;
    Enumeration<JarEntry> all = j.entries();
    while (all.hasMoreElements()) {
      JarEntry e = all.nextElement();
      if (!e.getName().startsWith(prefix)) {
        continue;
      }
      exists = true;
      if (e.getName().endsWith(".class") && !found.containsKey(e.getName())) {
        try (InputStream in = j.getInputStream(e)) {
          found.put(e.getName(), ClassFile.annotations(in.readAllBytes()));
        }
      }
    }
    return exists;
  }

  /** The same through the loader's resources, for a class path given as a class loader. */
  private static boolean fromResources(
      ClassLoader loader, String prefix, TreeMap<String, Set<String>> found) {
    boolean exists = false;
    try {
      Enumeration<URL> urls = loader.getResources(prefix.substring(0, prefix.length() - 1));
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        exists = true;
        if (url.getProtocol().equals("file")) {
          Path dir = Path.of(url.toURI());
          Path root = dir;
          for (int i = 0; i < prefix.split("/").length; i++) {
            root = root.getParent();
          }
          fromDirectory(root, prefix, found);
        } else if (url.openConnection() instanceof JarURLConnection jar) {
          // the connection's own JarFile, not a Path of its URL: a jar inside a jar (Spring
          // Boot's jar:nested: URLs in an executable jar) has no Path on the default file system
          jar.setUseCaches(false);
          try (JarFile j = jar.getJarFile()) {
            fromJar(j, prefix, found);
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new UsageException(
          "cannot list " + prefix + " on the class path: " + e.getMessage(), e);
    }
    return exists;
  }
}
