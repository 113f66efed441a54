def p = ["mariadb", "-h", "127.0.0.1", "-u", "root", "-e",
    "DROP DATABASE IF EXISTS retort_it_plugin; CREATE DATABASE retort_it_plugin"].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
new File(basedir, "migrations").mkdirs()
return true
