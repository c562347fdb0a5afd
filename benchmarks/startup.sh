#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health UP on an empty data directory, median of N runs.
# Usage: benchmarks/startup.sh [jar] [runs]   (defaults: web-ui/target/eaw.jar, 3)
# Each run starts in a fresh temporary directory (so ./data is empty), with EAW_ADMIN_PASSWORD set and a free port,
# polls the health endpoint every 100 ms, prints the seconds it took and the CPU seconds the JVM used until then
# (user + system, from /proc: steadier than wall time on a busy machine), then stops the JVM it started.
set -euo pipefail
jar=$(realpath "${1:-web-ui/target/eaw.jar}")
runs=${2:-3}
timeout=${EAW_STARTUP_TIMEOUT:-300}
printf 'jar: %s (%s MB)\n' "$jar" "$(( $(stat -c %s "$jar") / 1000000 ))"
times=()
cpus=()
tick=$(getconf CLK_TCK)
for ((i = 1; i <= runs; i++)); do
  dir=$(mktemp -d)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  start=$(date +%s.%N)
  (cd "$dir" && EAW_ADMIN_PASSWORD='startup-benchmark-secret-1' EAW_PORT=$port exec java -jar "$jar" >"$dir/app.log" 2>&1) &
  pid=$!
  up=""
  while kill -0 "$pid" 2>/dev/null; do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      up=$(date +%s.%N)
      cpu=$(awk -v t="$tick" '{print ($14 + $15) / t}' "/proc/$pid/stat")
      break
    fi
    if (( $(date +%s) - ${start%.*} > timeout )); then break; fi
    sleep 0.1
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -z "$up" ]]; then echo "run $i: not healthy (log: $dir/app.log)"; exit 1; fi
  t=$(echo "$up - $start" | bc)
  printf 'run %d: %.1f s (JVM CPU %.1f s)\n' "$i" "$t" "$cpu"
  times+=("$t")
  cpus+=("$cpu")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
printf 'median of %d: %.1f s (JVM CPU %.1f s)\n' "$runs" "$(median "${times[@]}")" "$(median "${cpus[@]}")"
