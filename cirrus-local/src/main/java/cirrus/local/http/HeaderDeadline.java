package cirrus.local.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not delivered a complete request within the header timeout of its
 * opening (a client trickling its headers byte by byte). Header parsing itself takes no thread, so
 * such clients cannot starve the server; this only frees their sockets.
 */
final class HeaderDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final Duration timeout;
    private final Set<Connection> answered = ConcurrentHashMap.newKeySet();

    HeaderDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Marks a connection whose first request arrived complete. */
    void requestArrived(Connection connection) {
        answered.add(connection);
    }

    @Override
    public void onOpened(Connection connection) {
        scheduler.schedule(
                () -> {
                    if (!answered.contains(connection) && connection.getEndPoint().isOpen()) {
                        connection.getEndPoint().close();
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
        answered.remove(connection);
    }
}
