# Shared by the scripts: builds the classes when needed and runs a main class with Flink's Java 17 flags on the
# project's classpath (provided Flink modules included, as an embedded cluster needs them).
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

ensure_built() {
  local stamp="$repo_root/target/classpath.txt"
  if [ ! -f "$stamp" ] || [ "$repo_root/pom.xml" -nt "$stamp" ] \
     || [ -n "$(find "$repo_root/src/main" -newer "$stamp" -type f -print -quit)" ]; then
    echo "Building (first run, or sources changed)..." >&2
    (cd "$repo_root" && mvn -q -B -DskipTests compile dependency:build-classpath \
        -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt) >&2
    touch "$stamp"
  fi
}

java_module_flags() {
  sed -n 's:.*<flink.java17.flags>\(.*\)</flink.java17.flags>.*:\1:p' "$repo_root/pom.xml"
}

# Runs a main class of the project and returns its exit status.
java_main() {
  ensure_built
  local main="$1"; shift
  # shellcheck disable=SC2046
  java ${JAVA_OPTS:-} $(java_module_flags) -Dlog4j.configurationFile="$repo_root/scripts/lib/log4j2-cli.properties" \
    -cp "$repo_root/target/classes:$(cat "$repo_root/target/classpath.txt")" "$main" "$@"
}

# Runs a main class of the project in place of the script.
run_java() {
  java_main "$@"
  exit $?
}
