#!/usr/bin/env bash
# The browser test (README "Browser test"): starts the built jar with the demo profile on a free port and a throwaway
# database, plays one ticket through every role in Debian's chromium, stops the application. Needs target/*.jar
# (./mvnw package or verify), node/npm and /usr/bin/chromium (.ci/run installs it with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/../../.."

# a free port, so the test can run beside another build or application
port=${E2E_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
work=$(mktemp -d)
export MESA_URL="http://localhost:$port"
export MESA_DEMO_PASSWORD=${MESA_DEMO_PASSWORD:-e2e-demo-$RANDOM$RANDOM}
export MESA_ADMIN_PASSWORD=${MESA_ADMIN_PASSWORD:-e2e-admin-$RANDOM$RANDOM}
export E2E_SHOTS=${E2E_SHOTS:-target/e2e}

jar=$(ls target/mesa-de-ayuda-*.jar | grep -v -- '-plain' | head -1)
# no mail server in CI: e-mails wait in the outbox (they are retried in the background and never hold up a case)
java -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$work/db;WRITE_DELAY=0" --spring.mail.port=2 \
  > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; mkdir -p target/e2e; cp "$work/app.log" target/e2e/app.log 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 180); do
  if curl -fs -o /dev/null "$MESA_URL/camunda/app/tasklist/locales/es.json"; then
    break
  fi
  if ! kill -0 $app 2>/dev/null; then
    cat "$work/app.log"
    echo "the application did not start" >&2
    exit 1
  fi
  sleep 1
done

(cd src/test/e2e && npm ci --no-audit --no-fund --silent)
node src/test/e2e/ticket-through-roles.js
