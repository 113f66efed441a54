package dev.retort.script;

import dev.retort.error.MigrationFileException;
import dev.retort.error.RevisionGraphException;
import dev.retort.error.UsageException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migrations directory: every {@code *.sql} and {@code *.java} file directly in it, with its
 * header read (never compiled). Opening a store of 10,000 files reads each file once and scans a
 * Java file only up to its class declaration, because this runs on every no-op {@code upgrade}.
 *
 * <pre>{@code
 * ScriptStore store = ScriptStore.open(Path.of("migrations"));
 * List<Revision> plan = store.graph().upgradePlan(rows, "heads");
 * }</pre>
 */
public final class ScriptStore {
  /**
   * Only new revision ids need it; seeding it at class load cost every command the entropy set-up.
   */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  private final Path dir;
  private final List<Revision> revisions;
  private final Map<String, Text> sqlTexts;
  private final Map<String, Compiled> compiled;

  /** SQL files whose body is still to be read, in file-name order (see {@link #openDeferred}). */
  private final List<Unchecked> unchecked = new ArrayList<>();

  private RevisionGraph graph;

  /** A SQL file whose header alone has been read. */
  record Unchecked(Path file, String content, Revision revision) {}

  /** A SQL file's text, and the checksum its revision carries. */
  record Text(String checksum, String text) {}

  /**
   * A Java migration compiled with the application, found through the index (see {@link
   * MigrationIndex}): the class to load, with the loader to load it from.
   *
   * @param className the binary name of the class
   * @param loader the class loader whose index listed it
   * @param index the URL of the index that listed it, for messages
   */
  public record Compiled(String className, ClassLoader loader, String index) {}

  /** A file read: its revision and its text. */
  private record Read(Revision revision, String text) {}

  ScriptStore(
      Path dir,
      List<Revision> revisions,
      Map<String, Text> sqlTexts,
      Map<String, Compiled> compiled) {
    this.dir = dir;
    this.revisions = List.copyOf(revisions);
    this.sqlTexts = sqlTexts;
    this.compiled = Map.copyOf(compiled);
  }

  /**
   * Reads the migrations at {@code location} on {@code loader}'s class path ({@code db/retort} for
   * {@code migrations=classpath:db/retort}): the SQL files in that directory of every class path
   * entry, jars included, and the compiled Java migrations of the package of the same name that the
   * build's index lists ({@link MigrationIndex}). Nothing is compiled and no class is loaded,
   * unless a class in that package is missing from the index (then it is looked at, to report it).
   *
   * @throws UsageException when the location is on no class path entry and the index lists no
   *     migration in its package, when it holds Java source, or when a class there implements
   *     {@code Migration} without being indexed
   * @throws RevisionGraphException when two migrations (files or classes) carry one revision id
   */
  public static ScriptStore openClasspath(String location, ClassLoader loader) {
    return new ClasspathScripts(location, loader, false).read();
  }

  /**
   * {@link #openClasspath}, reading the bodies of the SQL files later, as {@link #openDeferred}
   * does.
   */
  public static ScriptStore openClasspathDeferred(String location, ClassLoader loader) {
    return new ClasspathScripts(location, loader, true).read();
  }

  /** Hands the store the SQL files whose bodies are still to be read, in file-name order. */
  ScriptStore defer(List<Unchecked> files) {
    unchecked.addAll(files);
    return this;
  }

  /**
   * Reads the headers of the migrations in {@code migrationsDir}, in file-name order.
   *
   * @throws UsageException when the directory does not exist
   * @throws MigrationFileException when a file is unreadable or its header malformed
   * @throws RevisionGraphException when two files carry the same revision id
   */
  public static ScriptStore open(Path migrationsDir) {
    return open(migrationsDir, false);
  }

  /**
   * Like {@link #open}, but reads only the header of each SQL file (with its checksum, and keeping
   * its text); {@link #checkBodies} reads the bodies, which only running a file needs, once it is
   * known which files are applied as they are now: for {@code upgrade} and {@code downgrade}, where
   * a no-op reads nothing but applied files. Every error is still reported, and in the same order
   * as {@link #open} reports it: whatever fails first (a header, the graph, the connection), the
   * bodies of the files before it are read first.
   */
  public static ScriptStore openDeferred(Path migrationsDir) {
    return open(migrationsDir, true);
  }

  private static ScriptStore open(Path migrationsDir, boolean deferBodies) {
    if (!Files.isDirectory(migrationsDir)) {
      throw new UsageException(
          "migrations directory "
              + migrationsDir
              + " does not exist; init creates it"
              + " or set 'migrations' in retort.properties");
    }
    List<Path> files = list(migrationsDir);
    // One thread: the work is small and mostly cold code, which a second thread would interpret
    // and compile all over again (a parallel stream cost more CPU and no time on two cores).
    List<Revision> revisions = new ArrayList<>(files.size());
    Map<String, Revision> byId = new HashMap<>();
    Map<String, Text> sqlTexts = new HashMap<>();
    List<Unchecked> unchecked = new ArrayList<>();
    for (Path file : files) {
      try {
        Read read = read(file, deferBodies);
        if (read == null) {
          continue;
        }
        Revision r = read.revision();
        if (deferBodies && r.format() == Revision.Format.SQL) {
          unchecked.add(new Unchecked(file, read.text(), r));
        }
        Revision other = byId.putIfAbsent(r.id(), r);
        if (other != null) {
          throw new RevisionGraphException(
              "duplicate revision id '"
                  + r.id()
                  + "' in "
                  + other.origin()
                  + " and "
                  + r.origin()
                  + "; give one of them a new id");
        }
        revisions.add(r);
        if (r.format() == Revision.Format.SQL) {
          sqlTexts.put(r.id(), new Text(r.checksum(), read.text()));
        }
      } catch (RuntimeException e) {
        check(
            unchecked, Set.of()); // as if every file were read whole: an earlier body's error first
        throw e;
      }
    }
    return new ScriptStore(migrationsDir, revisions, sqlTexts, Map.of()).defer(unchecked);
  }

  /**
   * Reads the bodies of the SQL files {@link #openDeferred} read the headers of, in file-name
   * order, but those of {@code unchanged}: applied revisions whose file has the checksum the
   * history recorded when it was applied, so the very bytes that were read whole then (a run,
   * {@code stamp} and {@code repair} read every file whole). Nothing to do for a store {@link
   * #open} made, or once done.
   *
   * @throws MigrationFileException at the first body that {@link #open} would have refused
   */
  public synchronized void checkBodies(Set<String> unchanged) {
    check(unchecked, unchanged);
  }

  static void check(List<Unchecked> unchecked, Set<String> unchanged) {
    for (Unchecked u : unchecked) {
      if (!unchanged.contains(u.revision().id())) {
        HeaderParser.readSql(u.file(), u.content(), u.revision().checksum());
      }
    }
    unchecked.clear();
  }

  /**
   * The compiled class of {@code r}, when it is a Java migration compiled with the application
   * rather than a source file to compile.
   */
  public Optional<Compiled> compiled(Revision r) {
    return Optional.ofNullable(compiled.get(r.id()));
  }

  /**
   * The directory this store reads; for a class path location, its path there ({@code db/retort}).
   */
  public Path directory() {
    return dir;
  }

  /** The revisions, in file-name order. */
  public List<Revision> revisions() {
    return revisions;
  }

  /**
   * The text of {@code r}'s SQL file as it was read when this store was opened: the text its
   * checksum was taken of. Running it, rather than the file read again, saves reading every file
   * twice and runs exactly what was checked, should the file change in between. Empty for a Java
   * migration or a revision that is not this store's.
   */
  public Optional<String> sqlText(Revision r) {
    Text t = sqlTexts.get(r.id());
    return t != null && t.checksum().equals(r.checksum())
        ? Optional.of(t.text())
        : Optional.empty();
  }

  /** The revision graph, built and validated on first use. */
  public synchronized RevisionGraph graph() {
    if (graph == null) {
      try {
        graph = RevisionGraph.of(revisions);
      } catch (RuntimeException e) {
        checkBodies(Set.of()); // a file's error first, as when every file is read whole
        throw e;
      }
    }
    return graph;
  }

  /**
   * The file-name slug for a message: lower-case ASCII words joined by {@code _}, at most 40
   * characters, accents dropped ({@code "Add café table"} gives {@code add_cafe_table}).
   */
  public static String slug(String message) {
    String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (String word : ascii.split("[^a-z0-9\\p{M}]+")) {
      String clean = word.replaceAll("\\p{M}", "");
      if (clean.isEmpty()) {
        continue;
      }
      int extra = out.length() == 0 ? clean.length() : clean.length() + 1;
      if (out.length() + extra > 40) {
        if (out.length() == 0) {
          out.append(clean, 0, 40);
        }
        break;
      }
      if (out.length() > 0) {
        out.append('_');
      }
      out.append(clean);
    }
    return out.toString();
  }

  /** A new revision id: 12 random hex digits. */
  public static String newRevisionId() {
    byte[] bytes = new byte[6];
    Random.INSTANCE.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The migration files in {@code dir}, sorted. Names come from {@link File#list} and are filtered
   * before any {@code Path} or {@code stat} is made: on a cold JVM this costs half what a {@code
   * DirectoryStream} with a regular-file check per entry did. What is not a regular file is refused
   * when it is read.
   */
  private static List<Path> list(Path dir) {
    String[] names = dir.toFile().list();
    if (names == null) {
      throw new UsageException("cannot list migrations directory " + dir);
    }
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      if (!name.startsWith(".") && (name.endsWith(".sql") || name.endsWith(".java"))) {
        files.add(dir.resolve(name));
      }
    }
    files.sort(null);
    return files;
  }

  /**
   * The largest migration file read: a bigger one is refused rather than read into memory whole
   * (bulk data belongs in a load the migration runs, not in the file).
   */
  static final int MAX_BYTES = 64 << 20;

  /**
   * The file's revision and text. What is named like a migration but is not a regular file (a
   * directory, a FIFO that would block the read, a device, a dangling symlink) is an error, not
   * something to pass over in silence: it may be the migration the user meant.
   */
  private static Read read(Path file, boolean headerOnly) {
    String content;
    byte[] bytes;
    try {
      bytes = readRegular(file);
      if (bytes == null) {
        throw new MigrationFileException(file, 0, notRegular(file));
      }
      if (bytes.length > MAX_BYTES) {
        throw new MigrationFileException(
            file,
            0,
            "is larger than "
                + (MAX_BYTES >> 20)
                + " MiB; "
                + "load bulk data from a separate file the migration reads, or split the migration");
      }
      content = decode(bytes);
    } catch (CharacterCodingException e) {
      throw new MigrationFileException(file, 0, "not valid UTF-8; save the file as UTF-8");
    } catch (IOException e) {
      throw new MigrationFileException(file, 0, "cannot read: " + e.getMessage());
    }
    String checksum = Checksum.of(bytes);
    if (!file.getFileName().toString().endsWith(".sql")) {
      return new Read(HeaderParser.parseJava(file, content, checksum), content);
    }
    return new Read(
        headerOnly
            ? header(file, content, checksum)
            : HeaderParser.readSql(file, content, checksum).revision(),
        content);
  }

  /**
   * A SQL file's revision from its header alone; a file it refuses fails as when read whole (a near
   * miss anywhere in it comes before the header's error).
   */
  static Revision header(Path file, String content, String checksum) {
    try {
      return new SqlFileReader(file, content, checksum).readHeader();
    } catch (MigrationFileException e) {
      HeaderParser.readSql(file, content, checksum);
      throw e;
    }
  }

  /**
   * The bytes of {@code file}, at most {@link #MAX_BYTES} + 1 of them; null when it is not a
   * regular file (a FIFO would block the open, so this is asked first). One {@code stat} answers
   * that and gives the size, and a read that returns exactly that size is taken as the whole file:
   * a system call costs microseconds, and this runs for every migration on every command (a {@code
   * readNBytes} made seven calls per file, this makes five). A file that reads shorter or longer
   * than its size said is read on to its end, as before.
   */
  static byte[] readRegular(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return null; // gone, or a symbolic link to nothing: notRegular says which
    }
    if (!attributes.isRegularFile()) {
      return null;
    }
    int expected = (int) Math.min(attributes.size(), MAX_BYTES);
    byte[] buf = new byte[expected + 1];
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      int n = 0;
      while (n < buf.length) {
        int r = in.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        if (n == expected) {
          break; // as large as the stat said: the whole file, without a read that finds its end
        }
      }
      if (n < buf.length) {
        return Arrays.copyOf(buf, n);
      }
      if (n > MAX_BYTES) {
        return buf; // too large: the caller refuses it
      }
      byte[] more = in.readNBytes(MAX_BYTES + 1 - n); // it grew since the stat
      byte[] all = Arrays.copyOf(buf, n + more.length);
      System.arraycopy(more, 0, all, n, more.length);
      return all;
    }
  }

  /** What a path named like a migration is instead of a regular file. */
  private static String notRegular(Path file) {
    String what;
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      what = "a symbolic link to nothing";
    } else if (Files.isDirectory(file)) {
      what = "a directory";
    } else if (!Files.exists(file)) {
      what = "gone (it was listed a moment ago)";
    } else {
      what =
          "not a regular file (a FIFO, socket or device"
              + (Files.isSymbolicLink(file) ? ", through a symbolic link" : "")
              + ")";
    }
    return "is named like a migration but is "
        + what
        + "; migrations are regular files: "
        + "rename or remove it";
  }

  /** Strict UTF-8; ASCII, the usual case, without a decoder. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    for (byte b : bytes) {
      if (b < 0) {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
