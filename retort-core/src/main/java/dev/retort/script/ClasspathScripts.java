package dev.retort.script;

import dev.retort.error.MigrationFileException;
import dev.retort.error.RevisionGraphException;
import dev.retort.error.UsageException;
import dev.retort.migration.Migration;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads a class path location ({@code classpath:db/retort}) into a {@link ScriptStore}: SQL files
 * from that directory in every class path entry (directories and jars), compiled Java migrations of
 * the package of the same name from the build's index. The class path is never scanned: the
 * location's own directory is listed, and the indexes are resources at a known name.
 */
final class ClasspathScripts {
  private final String dir;
  private final String pkg;
  private final ClassLoader loader;
  private final List<Revision> revisions = new ArrayList<>();
  private final Map<String, String> originOf = new HashMap<>();
  private final Map<String, ScriptStore.Text> sqlTexts = new HashMap<>();
  private final Map<String, ScriptStore.Compiled> compiled = new HashMap<>();
  private final boolean deferBodies;
  private final List<ScriptStore.Unchecked> unchecked = new ArrayList<>();

  ClasspathScripts(String location, ClassLoader loader, boolean deferBodies) {
    this.dir = location;
    this.pkg = location.replace('/', '.');
    this.loader = loader;
    this.deferBodies = deferBodies;
  }

  /** One file in the location: its name, where it is, and how to read it. */
  private interface Listed {
    String name();

    String where();

    byte[] read(int max) throws IOException;
  }

  /** The store; with deferred bodies, a failure reads the bodies read so far first. */
  ScriptStore read() {
    try {
      return readAll().defer(unchecked);
    } catch (RuntimeException e) {
      ScriptStore.check(unchecked, Set.of()); // as if every file were read whole
      throw e;
    }
  }

  private ScriptStore readAll() {
    List<URL> roots = resources(dir);
    List<MigrationIndex.Entry> indexed = new ArrayList<>();
    Map<String, String> indexOf = new HashMap<>();
    Set<String> elsewhere = new TreeSet<>();
    for (URL url : resources(MigrationIndex.RESOURCE)) {
      for (MigrationIndex.Entry e : MigrationIndex.read(text(url), url.toString())) {
        if (e.packageName().equals(pkg)) {
          indexed.add(e);
          indexOf.putIfAbsent(e.className(), url.toString());
        } else {
          elsewhere.add(e.packageName());
        }
      }
    }
    if (roots.isEmpty() && indexed.isEmpty()) {
      throw missing(elsewhere);
    }
    TreeMap<String, List<Listed>> files = new TreeMap<>();
    for (URL root : roots) {
      for (Listed f : list(root)) {
        files.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f);
      }
    }
    Set<String> indexedNames = new TreeSet<>();
    indexed.forEach(e -> indexedNames.add(e.simpleName() + ".class"));
    for (List<Listed> sameName : files.values()) {
      for (Listed f : sameName) {
        readFile(f, indexedNames);
      }
    }
    for (MigrationIndex.Entry e : indexed) {
      Path file = Path.of(dir, e.simpleName() + ".class");
      add(
          new Revision(
              e.id(),
              e.revises(),
              Set.copyOf(e.branchLabels()),
              e.dependsOn(),
              e.message(),
              e.transactional(),
              java.util.Optional.of(file),
              Revision.Format.JAVA,
              e.checksum()),
          "class " + e.className() + " (listed in " + indexOf.get(e.className()) + ")");
      compiled.put(
          e.id(), new ScriptStore.Compiled(e.className(), loader, indexOf.get(e.className())));
    }
    return new ScriptStore(Path.of(dir), revisions, sqlTexts, compiled);
  }

  private void readFile(Listed f, Set<String> indexedNames) {
    String name = f.name();
    Path file = Path.of(dir, name);
    if (name.endsWith(".java")) {
      throw new MigrationFileException(
          file,
          0,
          "is Java source on the class path ("
              + f.where()
              + "); a class path location holds SQL files and compiled migrations, as a Java runtime"
              + " cannot compile: put the source under src/main/java in package "
              + pkg
              + ", where the build compiles and indexes it, or read it from a migrations directory");
    }
    if (name.endsWith(".class")) {
      if (!name.contains("$") && !indexedNames.contains(name)) {
        checkUnindexed(name.substring(0, name.length() - ".class".length()), f.where());
      }
      return;
    }
    byte[] bytes;
    String content;
    try {
      bytes = f.read(ScriptStore.MAX_BYTES + 1);
      if (bytes.length > ScriptStore.MAX_BYTES) {
        throw new MigrationFileException(
            file,
            0,
            "("
                + f.where()
                + ") is larger than "
                + (ScriptStore.MAX_BYTES >> 20)
                + " MiB; load bulk data from a separate file");
      }
      content = ScriptStore.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new MigrationFileException(file, 0, "(" + f.where() + ") is not valid UTF-8");
    } catch (IOException e) {
      throw new MigrationFileException(file, 0, "cannot read " + f.where() + ": " + e.getMessage());
    }
    String checksum = Checksum.of(bytes);
    Revision r;
    if (deferBodies) {
      r = ScriptStore.header(file, content, checksum);
      unchecked.add(new ScriptStore.Unchecked(file, content, r));
    } else {
      r = HeaderParser.readSql(file, content, checksum).revision();
    }
    add(r, "classpath:" + dir + "/" + name + " (" + f.where() + ")");
    sqlTexts.put(r.id(), new ScriptStore.Text(r.checksum(), content));
  }

  /**
   * A top-level class in the location's package that the index does not list: a helper, or a
   * migration the index missed, which would silently never run. Loaded without initialising it,
   * only here, where it is rare.
   */
  private void checkUnindexed(String simpleName, String where) {
    String name = pkg + "." + simpleName;
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return; // not loadable through this loader: not a class of this application
    }
    if (!Migration.class.isAssignableFrom(type)
        || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      return;
    }
    dev.retort.migration.Revision header = type.getAnnotation(dev.retort.migration.Revision.class);
    if (header == null) {
      throw new UsageException(
          "class "
              + name
              + " ("
              + where
              + ") implements Migration but has no"
              + " @Revision, so it is no migration Retort can run; annotate it with its revision"
              + " (id, revises, message) and build again, or move it out of package "
              + pkg);
    }
    throw new UsageException(
        "class "
            + name
            + " ("
            + where
            + ") is a migration (revision "
            + header.id()
            + ") that no "
            + MigrationIndex.RESOURCE
            + " lists: it was compiled "
            + "without Retort's annotation processor, which indexes it with the checksum of its "
            + "source. On JDK 23 and later javac runs processors only when asked: add retort-core to "
            + "the compiler's annotationProcessorPaths, or pass -proc:full");
  }

  private void add(Revision r, String origin) {
    String other = originOf.putIfAbsent(r.id(), origin);
    if (other != null) {
      throw new RevisionGraphException(
          "duplicate revision id '"
              + r.id()
              + "' in "
              + other
              + " and "
              + origin
              + "; give one of them a new id");
    }
    revisions.add(r);
  }

  private UsageException missing(Set<String> elsewhere) {
    return new UsageException(
        "migrations location classpath:"
            + dir
            + " is not on the class path:"
            + " no class path entry has a directory "
            + dir
            + " and no "
            + MigrationIndex.RESOURCE
            + " lists a migration in package "
            + pkg
            + (elsewhere.isEmpty()
                ? ""
                : " (the index lists migrations in package "
                    + String.join(", ", elsewhere)
                    + "; a compiled migration belongs to classpath:x/y when its package is x.y)")
            + "; check the 'migrations' setting and that the application's jar is on the class path");
  }

  private List<URL> resources(String name) {
    try {
      return Collections.list(loader.getResources(name));
    } catch (IOException e) {
      throw new UsageException(
          "cannot look up " + name + " on the class path: " + e.getMessage(), e);
    }
  }

  private static String text(URL url) {
    try (InputStream in = open(url)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot read " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Without the JDK's jar cache: a jar replaced on disk must not be read through a stale handle.
   */
  private static InputStream open(URL url) throws IOException {
    URLConnection c = url.openConnection();
    c.setUseCaches(false);
    return c.getInputStream();
  }

  /** The files directly in the location's directory of one class path entry. */
  private List<Listed> list(URL root) {
    try {
      if (root.getProtocol().equals("file")) {
        return listDirectory(new File(root.toURI()), root);
      }
      URLConnection c = root.openConnection();
      if (c instanceof JarURLConnection jar) {
        jar.setUseCaches(false);
        return listJar(jar, root);
      }
    } catch (IOException | URISyntaxException e) {
      throw new UsageException(
          "cannot list classpath:" + dir + " in " + root + ": " + e.getMessage(), e);
    }
    throw new UsageException(
        "cannot list classpath:"
            + dir
            + " in "
            + root
            + ": Retort lists "
            + "directories and jars (file: and jar: URLs), not "
            + root.getProtocol()
            + ": URLs");
  }

  private List<Listed> listDirectory(File directory, URL root) {
    String[] names = directory.list();
    if (names == null) {
      return List.of(); // a file named like the location, not a directory: nothing in it
    }
    List<Listed> out = new ArrayList<>();
    for (String name : names) {
      if (relevant(name)) {
        File file = new File(directory, name);
        out.add(
            listed(
                name,
                root.toString(),
                max -> {
                  byte[] bytes = ScriptStore.readRegular(file.toPath());
                  if (bytes == null) {
                    throw new IOException("it is not a regular file");
                  }
                  return bytes;
                }));
      }
    }
    return out;
  }

  /** The entries of the jar directly under the connection's entry; read now, as the jar closes. */
  private List<Listed> listJar(JarURLConnection connection, URL root) throws IOException {
    String prefix = connection.getEntryName();
    prefix = prefix == null ? "" : prefix.endsWith("/") ? prefix : prefix + "/";
    List<Listed> out = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        String rest = e.getName().startsWith(prefix) ? e.getName().substring(prefix.length()) : "";
        if (e.isDirectory() || rest.isEmpty() || rest.contains("/") || !relevant(rest)) {
          continue;
        }
        byte[] bytes = new byte[0];
        if (rest.endsWith(".sql")) { // the only files read; classes and sources are named only
          try (InputStream in = jar.getInputStream(e)) {
            bytes = readEntry(in, e.getSize());
          }
        }
        byte[] content = bytes;
        out.add(listed(rest, root.toString(), max -> content));
      }
    }
    return out;
  }

  /**
   * An entry's bytes, at most {@link ScriptStore#MAX_BYTES} + 1 of them, read into an array of the
   * size the jar lists for it: {@code readNBytes} reads into 8 KiB chunks and copies them out, and
   * for a thousand small migrations that is 8 MiB of fresh memory a call, most of a warm no-op's
   * cost where the young generation's pages are still being touched for the first time (an
   * application's start-up). An entry that holds more than listed is read on to its end as before.
   */
  static byte[] readEntry(InputStream in, long listedSize) throws IOException {
    if (listedSize < 0 || listedSize > ScriptStore.MAX_BYTES) {
      return in.readNBytes(ScriptStore.MAX_BYTES + 1);
    }
    byte[] buf = new byte[(int) listedSize];
    int n = 0;
    while (n < buf.length) {
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        return java.util.Arrays.copyOf(buf, n); // shorter than listed
      }
      n += r;
    }
    int next = in.read();
    if (next < 0) {
      return buf; // exactly as listed
    }
    byte[] more = in.readNBytes(ScriptStore.MAX_BYTES - n);
    byte[] all = java.util.Arrays.copyOf(buf, n + 1 + more.length);
    all[n] = (byte) next;
    System.arraycopy(more, 0, all, n + 1, more.length);
    return all;
  }

  private static boolean relevant(String name) {
    return !name.startsWith(".")
        && (name.endsWith(".sql") || name.endsWith(".java") || name.endsWith(".class"));
  }

  private interface Reader {
    byte[] read(int max) throws IOException;
  }

  private static Listed listed(String name, String where, Reader reader) {
    return new Listed() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String where() {
        return where;
      }

      @Override
      public byte[] read(int max) throws IOException {
        return reader.read(max);
      }
    };
  }
}
