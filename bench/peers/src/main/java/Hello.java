/** The floor for a JVM tool: start the JVM, print a line, exit. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
