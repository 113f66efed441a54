def run(String sql) {
  def p = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-v", "ON_ERROR_STOP=1", "-c", sql].execute()
  p.waitFor()
  assert p.exitValue() == 0 : p.err.text
}
run("DROP DATABASE IF EXISTS retort_it_plugin WITH (FORCE)")
run("CREATE DATABASE retort_it_plugin")
mkdir = new File(basedir, "migrations").mkdirs()
return true
