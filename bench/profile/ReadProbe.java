import dev.retort.script.Checksum;
import dev.retort.script.ScriptStore;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the cost of reading a migrations directory in a fresh JVM: listing, reading the bytes,
 * SHA-256, then ScriptStore.open (which repeats all of it and parses headers). With "store-first"
 * ScriptStore.open runs first, cold, as in the command.
 *
 *   java -cp retort.jar:bench/.cache/profile ReadProbe MIGRATIONS_DIR [store-first]
 */
public final class ReadProbe {
  static long t = System.nanoTime();

  static void lap(String what) {
    long now = System.nanoTime();
    System.out.printf("%-44s %7.1f ms%n", what, (now - t) / 1e6);
    t = System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    if (args.length > 1) {
      ScriptStore.open(dir);
      lap("ScriptStore.open, cold");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        files.add(p);
      }
    }
    files.sort(null);
    lap("list + sort " + files.size() + " files");
    List<byte[]> bytes = new ArrayList<>();
    for (Path p : files) {
      bytes.add(Files.readAllBytes(p));
    }
    lap("Files.readAllBytes, sequential");
    for (byte[] b : bytes) {
      Checksum.of(b);
    }
    lap("Checksum.of (SHA-256), sequential");
    ScriptStore.open(dir);
    lap("ScriptStore.open" + (args.length > 1 ? ", again" : " (after the above)"));
  }
}
