package cirrus.local.dashboard;

import java.time.Duration;

import cirrus.local.engine.LocalEngine;
import cirrus.local.http.ServerToken;
import cirrus.local.operate.LocalOperations;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.statedb.StateItems;

/** The dashboard of a running local engine ({@code cirrus serve}): reruns allowed. */
public final class LocalDashboard {
    private LocalDashboard() {}

    public static Dashboard of(LocalEngine engine, ServerToken token) {
        String payloads = engine.model().bucket("Payloads").map(b -> b.name()).orElse("");
        return new Dashboard(
                LocalOperations.of(engine),
                new StateItems(payloads, new ConsoleUrls(engine.model().names().region())),
                DashboardBlobs.of(engine.stores().blobStore()),
                new Dashboard.Options(engine.model().names().stackName(), "local engine", false),
                token,
                Duration.ofSeconds(5));
    }
}
