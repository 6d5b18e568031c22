package io.berth.runtime.mock.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.berth.runtime.mock.internal.StdinPipe.Chunk;

class StdinPipeTest {

    private final AtomicInteger notifications = new AtomicInteger();
    private final StdinPipe pipe = new StdinPipe(notifications::incrementAndGet, true);

    @Test
    void cutsInputIntoLinesAcrossWrites() throws IOException {
        OutputStream in = pipe.open();
        in.write("one\ntw".getBytes(UTF_8));
        in.write("o\nthr€e".getBytes(UTF_8));
        assertThat(pipe.drain()).containsExactly(new Chunk("one", false), new Chunk("two", false));
        assertThat(pipe.drain()).isEmpty();
        assertThat(notifications).hasValue(2);
    }

    @Test
    void closeHandsOverTheUnfinishedLineAsPartial() throws IOException {
        OutputStream in = pipe.open();
        in.write("thr€e".getBytes(UTF_8));
        assertThat(pipe.exhausted()).isFalse();
        in.close();
        assertThat(pipe.isClosed()).isTrue();
        assertThat(pipe.exhausted()).isFalse();
        assertThat(pipe.drain()).containsExactly(new Chunk("thr€e", true));
        assertThat(pipe.exhausted()).isTrue();
    }

    @Test
    void closingAnyStreamClosesThePipeAndLaterWritesFail() throws IOException {
        OutputStream first = pipe.open();
        OutputStream second = pipe.open();
        second.close();
        second.close();
        assertThatThrownBy(() -> first.write('x')).isInstanceOf(IOException.class).hasMessage("stdin is closed");
        assertThat(notifications).hasValue(1);
    }

    @Test
    void aPipeThatIsNotOpenIsExhaustedFromTheStart() {
        StdinPipe devNull = new StdinPipe(() -> { }, false);
        assertThat(devNull.exhausted()).isTrue();
    }

    @Test
    void discardDropsInput() throws IOException {
        OutputStream in = pipe.open();
        in.write("before\n".getBytes(UTF_8));
        pipe.discard();
        in.write("after\nrest".getBytes(UTF_8));
        in.close();
        assertThat(pipe.drain()).isEmpty();
        assertThat(pipe.exhausted()).isTrue();
    }
}
