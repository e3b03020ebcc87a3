// Raw-SQLite baseline for bulk code generation, built by scripts/bench-discounts against the same
// libsqlite3 the services use: N random 12-character codes into a table with a unique index,
// (a) one INSERT each in one transaction, (b) into a staging table first, then moved over in code
// order. Prints the seconds of each.
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/random.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
static void exec(sqlite3 *db, const char *sql) { char *e = 0; if (sqlite3_exec(db, sql, 0, 0, &e) != SQLITE_OK) { fprintf(stderr, "%s: %s\n", sql, e); exit(1); } }
static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

static void code(char *out) { unsigned char r[12]; getrandom(r, 12, 0); for (int i = 0; i < 12; i++) { out[i] = alphabet[r[i] % 31]; } out[12] = 0; }

static sqlite3 *open_db(const char *path) {
    sqlite3 *db; remove(path); char wal[512]; snprintf(wal, sizeof wal, "%s-wal", path); remove(wal);
    if (sqlite3_open(path, &db) != SQLITE_OK) exit(1);
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    exec(db, "CREATE TABLE codes (id INTEGER PRIMARY KEY, campaign INTEGER NOT NULL, code TEXT NOT NULL UNIQUE, active INTEGER NOT NULL DEFAULT 1)");
    return db;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000000; const char *dir = argc > 2 ? argv[2] : "/tmp";
    char path[512]; char c[13];
    snprintf(path, sizeof path, "%s/baseline-direct.sqlite", dir);
    sqlite3 *db = open_db(path); sqlite3_stmt *s;
    double t0 = now();
    exec(db, "BEGIN");
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO codes (campaign, code) VALUES (1, ?)", -1, &s, 0);
    for (int i = 0; i < n; i++) { code(c); sqlite3_bind_text(s, 1, c, 12, SQLITE_STATIC); sqlite3_step(s); sqlite3_reset(s); }
    sqlite3_finalize(s); exec(db, "COMMIT");
    double direct = now() - t0; sqlite3_close(db);

    snprintf(path, sizeof path, "%s/baseline-staged.sqlite", dir);
    db = open_db(path);
    t0 = now();
    exec(db, "CREATE TEMP TABLE staging (code TEXT NOT NULL)");
    exec(db, "BEGIN");
    sqlite3_prepare_v2(db, "INSERT INTO staging (code) VALUES (?)", -1, &s, 0);
    for (int i = 0; i < n; i++) { code(c); sqlite3_bind_text(s, 1, c, 12, SQLITE_STATIC); sqlite3_step(s); sqlite3_reset(s); }
    sqlite3_finalize(s);
    exec(db, "INSERT OR IGNORE INTO codes (campaign, code) SELECT 1, code FROM staging ORDER BY code");
    exec(db, "COMMIT");
    double staged = now() - t0; sqlite3_close(db);
    printf("direct %.3f s\nstaged %.3f s\n", direct, staged);
    return 0;
}
