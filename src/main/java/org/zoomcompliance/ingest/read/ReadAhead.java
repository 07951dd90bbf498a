package org.zoomcompliance.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Produces items on a thread of its own, a bounded number ahead of the consumer: while the ingest step writes a
 * chunk to PostgreSQL, the next rows are being decoded, split and normalised on the other core. Items travel in
 * small batches; a failure of the producer reaches the consumer where it happened in the stream, and memory stays
 * bounded whatever the file's size.
 */
public final class ReadAhead<T> implements Closeable {

    /** The next item of a source, or {@code null} at its end. */
    @FunctionalInterface
    public interface Source<T> {
        T next() throws Exception;
    }

    private static final int BATCH = 256;
    private static final int BATCHES_AHEAD = 8;

    /** What the producer hands over: items, then possibly the failure that stopped it, then the end. */
    private record Batch<T>(List<T> items, Throwable failure, boolean last) {
    }

    private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread producer;
    private Iterator<T> current = List.<T>of().iterator();
    private boolean ended;
    private Throwable failure;

    public ReadAhead(String name, Source<T> source) {
        producer = new Thread(() -> produce(source), name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(Source<T> source) {
        List<T> items = new ArrayList<>(BATCH);
        try {
            T item;
            while ((item = source.next()) != null) {
                items.add(item);
                if (items.size() == BATCH) {
                    queue.put(new Batch<>(items, null, false));
                    items = new ArrayList<>(BATCH);
                }
            }
            queue.put(new Batch<>(items, null, true));
        } catch (InterruptedException e) {
            // closed by the consumer: nobody waits for the rest
        } catch (Throwable failure) {
            try {
                queue.put(new Batch<>(items, failure, true));
            } catch (InterruptedException e) {
                // closed by the consumer meanwhile
            }
        }
    }

    /** The next item, or {@code null} at the end; rethrows the producer's failure once its items are consumed. */
    public T next() throws IOException {
        while (!current.hasNext()) {
            if (failure != null) {
                Throwable thrown = failure;
                failure = null;
                throw rethrown(thrown);
            }
            if (ended) {
                return null;
            }
            Batch<T> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next rows", e);
            }
            current = batch.items().iterator();
            if (batch.last()) {
                ended = true;
                failure = batch.failure();
            }
        }
        return current.next();
    }

    /** Stops the producer and waits for it, so the source can be closed safely. */
    @Override
    public void close() {
        producer.interrupt();
        queue.clear();
        try {
            producer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrown(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }
}
