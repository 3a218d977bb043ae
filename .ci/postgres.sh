# Sourced by .ci/test: a throwaway PostgreSQL 15 cluster on 127.0.0.1, on a free port, in a temporary folder.
#
#   pg_start          sets PG_DIR, PG_PORT and MAKELAAR_TEST_POSTGRES
#   pg_stop           stops the server and removes the folder (safe to call twice, or when nothing was started)
#
# PostgreSQL refuses to run as root: as root the cluster runs as the user postgres (runuser), otherwise as the
# current user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=""
PG_PORT=""

_pg_as() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_start() {
    if [[ ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_ctl ]]; then
        echo "test: PostgreSQL 15 ontbreekt ($PG_BIN/initdb); installeer postgresql-15 (als root: bash .ci/install --test)" >&2
        return 1
    fi
    if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "test: de gebruiker 'postgres' ontbreekt; PostgreSQL draait niet als root (installeer postgresql-15)" >&2
        return 1
    fi
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/makelaar-pg.XXXXXX")
    if [[ $(id -u) == 0 ]]; then
        chown postgres: "$PG_DIR"
    fi
    local log="$PG_DIR/initdb.log"
    if ! _pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$log" 2>&1; then
        cat "$log" >&2
        echo "test: initdb is mislukt" >&2
        return 1
    fi
    local attempt
    for attempt in 1 2 3 4 5; do
        PG_PORT=$(_pg_free_port)
        # fsync off: a throwaway cluster for tests, thrown away at the end of the run.
        if _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -s start \
            -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off \
                -c full_page_writes=off -c max_connections=200" >/dev/null 2>&1; then
            export MAKELAAR_TEST_POSTGRES="postgresql+psycopg://postgres@127.0.0.1:$PG_PORT/postgres"
            return 0
        fi
        echo "test: PostgreSQL start op poort $PG_PORT mislukt (poging $attempt)" >&2
    done
    cat "$PG_DIR/server.log" >&2 || true
    return 1
}

pg_stop() {
    if [[ -n $PG_DIR && -d $PG_DIR ]]; then
        if [[ -f $PG_DIR/data/postmaster.pid ]]; then
            _pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 60 -s stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
    PG_DIR=""
}
