package io.berth.core.internal.container;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.berth.core.internal.testing.EngineFixture;

/**
 * A test of the engine with a fake runtime, images and snapshots ({@link EngineFixture}) on a fresh state root,
 * opened before and closed after each test. A subclass's own {@code @AfterEach} runs before the close.
 */
abstract class EngineTest {

    @TempDir
    Path tmp;

    EngineFixture f;

    @BeforeEach
    void openEngine() {
        f = new EngineFixture(tmp);
    }

    @AfterEach
    void closeEngine() {
        f.close();
    }
}
