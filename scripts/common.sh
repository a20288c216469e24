# Shared by scripts/run and scripts/test: install and start Azurite, the local Azure Storage emulator.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_JS="$ROOT/node_modules/azurite/dist/src/azurite.js"
export SUPPLYCHAIN_AZURITE="$AZURITE_JS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Installs Azurite from the committed package-lock when it is missing or out of date.
ensure_azurite() {
  if [ ! -f "$AZURITE_JS" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    echo "Installing Azurite from package-lock.json ..."
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The development token authority: a signing key made on first start and kept in .data/ (never committed); the
# server trusts it (Auth__SigningKeyFile) and 'supplychain login --dev' / 'demo load' sign with it.
ensure_dev_key() {
  local key="$ROOT/.data/dev-signing-key"
  if [ ! -f "$key" ]; then
    mkdir -p "$ROOT/.data"
    (umask 077 && head -c 32 /dev/urandom | base64 > "$key")
    echo "Made a development signing key: .data/dev-signing-key"
  fi
  export Auth__SigningKeyFile="$key" SUPPLYCHAIN_DEV_KEY_FILE="$key"
}

# start_azurite DATA_DIR BLOB_PORT: starts Azurite on BLOB_PORT and the next two ports; sets AZURITE_PID.
start_azurite() {
  local dir="$1" blob="$2" queue=$(($2 + 1)) table=$(($2 + 2))
  mkdir -p "$dir"
  node "$AZURITE_JS" --silent --location "$dir" --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >"$dir/azurite.out" 2>&1 &
  AZURITE_PID=$!
  wait_for_port "$table" 30 || { echo "Azurite did not start; see $dir/azurite.out" >&2; cat "$dir/azurite.out" >&2; return 1; }
  export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
}

# wait_for_port PORT SECONDS: true once something listens on 127.0.0.1:PORT.
wait_for_port() {
  local port="$1" deadline=$((SECONDS + $2))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
