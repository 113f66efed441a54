def log = new File(basedir, "build.log").text
try {
  assert log.contains("The database differs from jpa:com.example.model (1 change needed):") : "check reports"
  assert log.contains("create table world_element") : "the table, as Spring names it"
  assert log.contains("retort: the database differs from jpa:com.example.model") : "the build fails"
} finally {
  ["mariadb", "-h", "127.0.0.1", "-u", "root", "-e", "DROP DATABASE IF EXISTS retort_it_plugin"].execute().waitFor()
}
return true
