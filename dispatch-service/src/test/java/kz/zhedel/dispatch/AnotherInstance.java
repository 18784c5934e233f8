package kz.zhedel.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Another dispatch instance in the middle of its claiming transaction: it holds the rows {@code lock} locks until
 * released, so that the test can show they are skipped, not waited for.
 */
final class AnotherInstance implements AutoCloseable {

    private final CountDownLatch finish = new CountDownLatch(1);
    private final CompletableFuture<Void> transaction;

    private AnotherInstance(Runnable lock) throws InterruptedException {
        CountDownLatch claimed = new CountDownLatch(1);
        transaction = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            lock.run();
            claimed.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!claimed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other instance did not take its locks");
        }
    }

    /** Returns once the other instance holds what {@code lock} locked. */
    static AnotherInstance holding(Runnable lock) throws InterruptedException {
        return new AnotherInstance(lock);
    }

    /** Commits the other instance's transaction, releasing its locks. */
    @Override
    public void close() throws Exception {
        finish.countDown();
        transaction.get(30, TimeUnit.SECONDS);
    }
}
