#!/usr/bin/env bash
# The cost of reading JPA entities: `retort check` of 100 entities (Hibernate 7.4 boot metamodel)
# against the same 100 tables as desired-state SQL, on an SQLite database that matches.
# Needs: mvn -o -pl retort-cli -am package -DskipTests (retort-cli/target/retort.jar) and
# retort-jpa/target/hibernate/7 (mvn -pl retort-jpa generate-test-resources).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar=$root/retort-cli/target/retort.jar
libs=$root/retort-jpa/target/hibernate/7
n=${N:-100}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/bench/model" "$work/classes" "$work/migrations" "$work/schema"
python3 - "$work" "$n" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    ref = f"  @jakarta.persistence.ManyToOne E{i-1:03d} parent;\n" if i else ""
    open(f"{work}/src/bench/model/E{i:03d}.java", "w").write(f"""package bench.model;
@jakarta.persistence.Entity
@jakarta.persistence.Table(name = "e{i:03d}")
public class E{i:03d} {{
  @jakarta.persistence.Id @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY) Long id;
  @jakarta.persistence.Column(nullable = false, length = 100) String name;
  String note;
  int amount;
  java.time.LocalDate day;
  boolean active;
{ref}}}
""")
PY
javac -d "$work/classes" -cp "$libs/*" $(find "$work/src" -name '*.java')
cat > "$work/retort.properties" <<P
url=jdbc:sqlite:$work/bench.db
schema=jpa:bench.model
schema-classpath=$work/classes:$libs/*
jpa-naming=hibernate
P
java -jar "$jar" -C "$work" revision --autogenerate -m "entities" > /dev/null
java -jar "$jar" -C "$work" upgrade > /dev/null
time_it() {
  local best=999
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N); java -jar "$jar" -C "$work" "$@" check > /dev/null; t1=$(date +%s.%N)
    best=$(echo "$t1 - $t0" | bc | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
  done
  echo "$best"
}
jpa=$(time_it)
# the same tables as the database now holds them, as desired-state SQL (the scratch-copy path)
sqlite3 "$work/bench.db" .schema | grep -v "retort_\|sqlite_sequence" > "$work/schema.sql"
sqlsrc=$(RETORT_SCHEMA=schema.sql time_it)
echo "check, $n entities, best of $runs: jpa ${jpa}s, schema.sql ${sqlsrc}s"
