#!/usr/bin/env bash
# The cluster across real network boundaries (docs/design.md §7): network namespaces on a private bridge act as five
# hosts (Redis, three silos, a client), each with its own address. Redis requires a password with protected mode on;
# silos and clients use mutual TLS with a test certificate authority made here. Checks: the cluster run's files equal
# the in-process run's byte for byte; a silo SIGKILLed mid-run is survived with the same bytes; a client with a wrong
# password, without a certificate, or with a certificate of another authority is refused with one line. Everything is
# torn down on exit, even on failure. No traffic leaves the namespaces (the bridge has no address and no route).
#
# Usage (as root): multihost.sh SOFTSKILLS_DLL SCENARIO [--bench]
set -euo pipefail
DLL="$1"; SCENARIO="$2"; BENCH="${3:-}"
ID="ss$$"; BR="${ID}br"; NET=10.213.77
HOSTS=(redis silo1 silo2 silo3 client)
declare -A IP=([redis]=$NET.2 [silo1]=$NET.11 [silo2]=$NET.12 [silo3]=$NET.13 [client]=$NET.20)
WORK="$(mktemp -d /tmp/softskills-multihost-XXXXXX)"
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for h in "${HOSTS[@]}"; do
    ip netns pids "$ID-$h" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ID-$h" 2>/dev/null || true
  done
  for k in $(seq ${#HOSTS[@]}); do ip link del "${ID}v$k" 2>/dev/null || true; done # both ends, even if a namespace lingers
  ip link del "$BR" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM # so a stopped test still tears everything down
fail() { echo "FAIL: $*" >&2; for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -n 20 "$f"; } >&2; done; exit 1; }
on() { local h="$1"; shift; ip netns exec "$ID-$h" "$@"; }
cli() { local h="$1"; shift; on "$h" dotnet "$DLL" "$@"; }

# Hosts: one namespace each, a veth pair into the bridge, loopback up.
ip link add "$BR" type bridge
ip link set "$BR" up
i=0
for h in "${HOSTS[@]}"; do
  i=$((i + 1))
  ip netns add "$ID-$h"
  ip link add "${ID}v$i" type veth peer name eth0 netns "$ID-$h"
  ip link set "${ID}v$i" master "$BR" up
  on "$h" ip addr add "${IP[$h]}/24" dev eth0
  on "$h" ip link set eth0 up
  on "$h" ip link set lo up
done

# A test certificate authority, node certificates, and a rogue authority's certificate.
cert() { # name, authority
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/$1.key" -out "$WORK/$1.csr" -subj "/CN=$1" 2>/dev/null
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:softskills-cluster\n' > "$WORK/ext.cnf"
  openssl x509 -req -in "$WORK/$1.csr" -CA "$WORK/$2.pem" -CAkey "$WORK/$2.key" -CAcreateserial -out "$WORK/$1.pem" -days 2 -extfile "$WORK/ext.cnf" 2>/dev/null
}
for ca in ca rogue-ca; do
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/$ca.key" -out "$WORK/$ca.pem" -days 2 \
    -subj "/CN=softskills $ca" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
done
for n in silo1 silo2 silo3 client; do cert "$n" ca; done
cert rogue rogue-ca
tls() { echo --tls-cert "$WORK/$1.pem" --tls-key "$WORK/$1.key" --tls-ca "$WORK/ca.pem"; }

# Redis with a password (from a config file, not the command line) and protected mode kept on.
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$WORK/password"
echo "not-the-password" > "$WORK/wrong"
printf 'bind %s\nport 6379\nprotected-mode yes\nrequirepass %s\nsave ""\nappendonly no\n' "${IP[redis]}" "$(cat "$WORK/password")" > "$WORK/redis.conf"
on redis redis-server "$WORK/redis.conf" > "$WORK/redis.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do on client redis-cli -h "${IP[redis]}" ping 2>/dev/null | grep -q NOAUTH && break; sleep 0.2; done
on client redis-cli -h "${IP[redis]}" ping 2>/dev/null | grep -q NOAUTH || fail "Redis does not answer across the bridge, or answers without a password"
CLUSTER=(--cluster "redis://${IP[redis]}:6379" --cluster-password-file "$WORK/password")

start_silo() {
  cli "$1" silo "${CLUSTER[@]}" --address "${IP[$1]}" --port 11111 --gateway 30000 $(tls "$1") > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  eval "PID_$1=$!"
}
for s in silo1 silo2 silo3; do start_silo "$s"; done
for s in silo1 silo2 silo3; do
  for _ in $(seq 180); do grep -q "silo ready" "$WORK/$s.log" && break; sleep 0.5; done
  grep -q "silo ready" "$WORK/$s.log" || fail "$s did not join"
done
echo "three silos joined over TLS"

same() { # folder a, folder b
  for f in "$1"/*; do cmp -s "$f" "$2/$(basename "$f")" || fail "$(basename "$f") differs between $1 and $2"; done
}

# 1. The cluster run equals the in-process run byte for byte.
dotnet "$DLL" simulate --scenario "$SCENARIO" --employees 300 --days 30 --out "$WORK/local" > /dev/null
cli client simulate --scenario "$SCENARIO" --employees 300 --days 30 --out "$WORK/remote" "${CLUSTER[@]}" $(tls client) > "$WORK/client.log" 2>&1 \
  || fail "the cluster run failed"
same "$WORK/local" "$WORK/remote"
echo "cluster run: byte-identical to the in-process run"

# 2. A silo SIGKILLed mid-run: the day is run again on the others, and the files are the same bytes.
dotnet "$DLL" simulate --scenario "$SCENARIO" --employees 1500 --days 60 --out "$WORK/local-long" > /dev/null
cli client simulate --scenario "$SCENARIO" --employees 1500 --days 60 --out "$WORK/remote-long" "${CLUSTER[@]}" $(tls client) > "$WORK/client-long.log" 2>&1 &
run=$!
# Kill as soon as the run is past its first days (a fixed sleep raced a faster simulator).
for _ in $(seq 600); do grep -qE "simulating: ([6-9]|[1-4][0-9]) of 60 days" "$WORK/client-long.log" && break; sleep 0.1; done
kill -0 "$run" 2>/dev/null || fail "the long run ended before the silo could be killed"
ip netns pids "$ID-silo2" | xargs -r kill -9
wait "$run" || fail "the run did not survive a killed silo"
same "$WORK/local-long" "$WORK/remote-long"
echo "silo2 SIGKILLed mid-run: the run finished, byte-identical"

# 3. Refusals: one line on stderr, exit 1, never the password.
refused() { # label, expected text, args...
  local label="$1" expected="$2"; shift 2
  set +e
  cli client simulate --scenario "$SCENARIO" --employees 50 --days 3 --out "$WORK/refused" "$@" > "$WORK/refused.out" 2> "$WORK/refused.err"
  local code=$?
  set -e
  [ "$code" -eq 1 ] || fail "$label: exit $code, expected 1"
  [ "$(grep -c . "$WORK/refused.err")" -eq 1 ] || fail "$label: stderr is not one line: $(cat "$WORK/refused.err")"
  grep -q "$expected" "$WORK/refused.err" || fail "$label: '$(cat "$WORK/refused.err")' does not say '$expected'"
  grep -qF "$(cat "$WORK/password")" "$WORK/refused.err" && fail "$label: the password appears in the error"
  [ ! -e "$WORK/refused" ] || fail "$label: output was written"
  echo "$label: refused ($(cat "$WORK/refused.err"))"
}
refused "wrong password" "refused the credentials" --cluster "redis://${IP[redis]}:6379" --cluster-password-file "$WORK/wrong" $(tls client)
refused "no password" "refused the credentials" --cluster "redis://${IP[redis]}:6379" $(tls client)
refused "no certificate" "no silo accepted this client" "${CLUSTER[@]}"
refused "certificate of another authority" "no silo accepted this client" "${CLUSTER[@]}" --tls-cert "$WORK/rogue.pem" --tls-key "$WORK/rogue.key" --tls-ca "$WORK/rogue-ca.pem"

# 4. Optional: a sweep on the cluster against the same sweep in one process (docs/benchmarks.md).
if [ "$BENCH" = "--bench" ]; then
  start_silo silo2 # replace the killed silo
  for _ in $(seq 180); do grep -q "silo ready" "$WORK/silo2.log" && break; sleep 0.5; done
  silo_ticks() { for h in silo1 silo2 silo3; do for p in $(ip netns pids "$ID-$h"); do awk '{ print $14 + $15 }' "/proc/$p/stat"; done; done | awk '{ s += $1 } END { print s + 0 }'; }
  hz=$(getconf CLK_TCK)
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/local.cpu" dotnet "$DLL" sweep --scenario "$SCENARIO" --seeds 6 --parallel 2 --out "$WORK/sweep-local" > /dev/null
  t1=$(date +%s.%N); k1=$(silo_ticks)
  /usr/bin/time -f "%U %S" -o "$WORK/remote.cpu" ip netns exec "$ID-client" dotnet "$DLL" sweep --scenario "$SCENARIO" --seeds 6 --parallel 3 \
    --out "$WORK/sweep-remote" "${CLUSTER[@]}" $(tls client) > /dev/null
  t2=$(date +%s.%N); k2=$(silo_ticks)
  cmp -s "$WORK/sweep-local/summary.parquet" "$WORK/sweep-remote/summary.parquet" || fail "the sweeps' summaries differ"
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v lc="$(cat "$WORK/local.cpu")" -v rc="$(cat "$WORK/remote.cpu")" -v st=$((k2 - k1)) -v hz="$hz" 'BEGIN {
    split(lc, l, " "); split(rc, r, " ");
    printf "bench: sweep of 6 replications: one process (--parallel 2) %.1f s wall, %.1f CPU s per replication; 3-silo cluster (--parallel 3) %.1f s wall, %.1f CPU s per replication (client %.1f + silos %.1f)\n",
      b - a, (l[1] + l[2]) / 6, c - b, (r[1] + r[2] + st / hz) / 6, r[1] + r[2], st / hz }'
fi
echo "multihost: all checks passed"
