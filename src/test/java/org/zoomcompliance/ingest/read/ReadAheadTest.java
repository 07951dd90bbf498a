package org.zoomcompliance.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void handsOverEveryItemInOrderThenTheEnd() throws IOException {
        AtomicInteger next = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", () -> {
            int n = next.getAndIncrement();
            return n < 10_000 ? n : null;
        })) {
            Integer item;
            while ((item = ahead.next()) != null) {
                seen.add(item);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(seen).hasSize(10_000).isSorted().startsWith(0).endsWith(9_999);
    }

    @Test
    void aFailureReachesTheConsumerAfterTheItemsBeforeIt() throws IOException {
        AtomicInteger next = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", () -> {
            int n = next.getAndIncrement();
            if (n == 300) {
                throw new CharacterCodingException();
            }
            return n;
        })) {
            for (int i = 0; i < 300; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
            assertThatThrownBy(ahead::next).isInstanceOf(CharacterCodingException.class);
        }
    }

    @Test
    void staysABoundedNumberOfItemsAheadAndStopsWhenClosed() throws Exception {
        // given an endless source, of which one item was taken
        AtomicInteger produced = new AtomicInteger();
        ReadAhead<Integer> ahead = new ReadAhead<>("bounded-test", produced::incrementAndGet);
        assertThat(ahead.next()).isEqualTo(1);
        Thread producer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("bounded-test")).findFirst().orElseThrow();

        // when the producer has filled what it may hold
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        // then it waits, a bounded number of items ahead, and ends when closed
        assertThat(producer.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(produced.get()).as("items produced while the consumer waits").isLessThan(5_000);
        ahead.close();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(producer.isAlive()).isFalse();
    }
}
