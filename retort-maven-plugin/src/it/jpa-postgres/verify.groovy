def log = new File(basedir, "build.log").text
def migrations = new File(basedir, "migrations").listFiles().findAll { it.name.endsWith(".java") }
try {
  assert migrations.size() == 1 : "one migration written: " + migrations
  def text = migrations[0].text
  assert text.contains("\"customer\"") && text.contains("\"customer_seq\"") : text
  assert log.contains("Running upgrade -> ") && log.contains("1 step; the database is at ") : "upgrade ran"
  assert log.contains("The database matches jpa:com.example.model.") : "check is clean after upgrade"
  assert log.contains("(head)") : "heads listed"
  assert new File(basedir, "target/upgrade.sql").text.contains("CREATE TABLE customer")
  assert log.contains("Running downgrade ") && log.contains("the database is at base.") : "downgrade to base"
  def p = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "retort_it_plugin", "-Atc",
      "select count(*) from pg_tables where schemaname = 'public' and tablename not like 'retort_%'"].execute()
  p.waitFor()
  assert p.text.trim() == "0" : "downgrade base left tables"
} finally {
  ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-c",
   "DROP DATABASE IF EXISTS retort_it_plugin WITH (FORCE)"].execute().waitFor()
}
return true
