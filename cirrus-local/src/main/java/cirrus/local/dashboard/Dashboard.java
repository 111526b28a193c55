package cirrus.local.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.http.HttpProblem;
import cirrus.local.http.ServerToken;
import cirrus.local.http.WebReply;
import cirrus.local.http.WebRequest;
import cirrus.local.http.WebRoute;
import cirrus.local.http.WebServer;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.PayloadFilter;
import cirrus.runtime.operate.PayloadStatus;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.RerunResult;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.Since;
import cirrus.runtime.statedb.StateItems;

/**
 * The web dashboard under {@value #PREFIX}: one page (overview, payloads, a payload, an execution
 * drawn as a graph, Batch) whose scripts read JSON under {@code /ui/data/} from the read model
 * ({@link PipelineOperations}), so it shows a local engine and a deployed stack alike. Reruns are
 * POSTs that carry the server's token; a read-only dashboard refuses them.
 */
public final class Dashboard implements WebRoute, AutoCloseable {
    public static final String PREFIX = "/ui";

    /** What the page says about the pipeline it shows. */
    public record Options(String title, String backend, boolean readOnly) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int PAGE_SIZE_MAX = 500;

    private final PipelineOperations ops;
    private final StateItems items;
    private final Options options;
    private final ServerToken token;
    private final DashboardAssets assets = new DashboardAssets();
    private final DashboardBlobs blobs;
    private final VcpuHistory vcpus = new VcpuHistory();
    private final ScheduledExecutorService sampler;
    private final Clock clock;

    public Dashboard(
            PipelineOperations ops,
            StateItems items,
            DashboardBlobs blobs,
            Options options,
            ServerToken token,
            Duration sampleEvery) {
        this.ops = ops;
        this.items = items;
        this.blobs = blobs;
        this.options = options;
        this.token = token;
        this.clock = Clock.systemUTC();
        this.sampler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "cirrus-dashboard-sampler");
                            t.setDaemon(true);
                            return t;
                        });
        sampler.scheduleWithFixedDelay(
                this::sample, 0, sampleEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The mount of this dashboard on a {@link WebServer}. */
    public WebServer.Mount mount() {
        return new WebServer.Mount(PREFIX, this);
    }

    private void sample() {
        try {
            vcpus.record(clock.instant(), ops.batchOverview(0));
        } catch (RuntimeException e) {
            // a failed sample leaves a gap in the chart; the page shows the error when it asks
        }
    }

    @Override
    public WebReply handle(WebRequest request) {
        String path = request.path().substring(PREFIX.length());
        if (path.isEmpty()) {
            return new WebReply.Redirect(PREFIX + "/");
        }
        if (path.equals("/")) {
            return page();
        }
        if (path.startsWith("/assets/")) {
            return assets.get(path.substring("/assets/".length()))
                    .orElseThrow(() -> HttpProblem.notFound("no dashboard asset " + path));
        }
        if (!path.startsWith("/data/")) {
            throw HttpProblem.notFound("nothing at " + PREFIX + path);
        }
        String what = path.substring("/data/".length());
        boolean post = request.method().equals("POST");
        if (post != what.equals("rerun")) {
            throw HttpProblem.methodNotAllowed(
                    request.method() + " " + PREFIX + path + " is not supported");
        }
        try {
            return WebReply.json(data(what, request));
        } catch (OperateException e) {
            throw problem(e);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", e.getMessage());
        }
    }

    private JsonNode data(String what, WebRequest request) {
        Map<String, String> q = request.query();
        return switch (what) {
            case "info" -> info();
            case "overview" -> overview(q);
            case "payloads" -> payloads(q);
            case "payload" -> payload(required(q, "id"));
            case "execution" -> execution(required(q, "arn"));
            case "batch" -> batch();
            case "job" -> job(required(q, "id"), q);
            case "blob" -> blobs.read(required(q, "url"));
            case "rerun" -> rerun(request.jsonBody());
            default -> throw HttpProblem.notFound("no dashboard data " + what);
        };
    }

    private WebReply page() {
        String html =
                new String(assets.page(), StandardCharsets.UTF_8)
                        .replace("{{token}}", token.value())
                        .replace("{{title}}", escape(options.title()));
        return new WebReply.Bytes(
                200,
                "text/html; charset=utf-8",
                html.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "Cache-Control",
                        "no-store",
                        "X-Frame-Options",
                        "DENY",
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " img-src 'self' data:; connect-src 'self'; frame-ancestors"
                                + " 'none'; base-uri 'none'; form-action 'none'"));
    }

    private ObjectNode info() {
        ObjectNode o = NODES.objectNode();
        o.put("title", options.title());
        o.put("backend", options.backend());
        o.put("readOnly", options.readOnly());
        o.put("now", clock.instant().toString());
        return o;
    }

    private ObjectNode overview(Map<String, String> q) {
        String window = q.getOrDefault("window", "24h");
        PayloadFilter filter = PayloadFilter.all().withSince(Since.parse(window));
        ObjectNode o = NODES.objectNode();
        o.put("window", window);
        ArrayNode workflows = o.putArray("workflows");
        ops.counts(filter).forEach(c -> workflows.add(DashboardJson.counts(c)));
        ArrayNode failures = o.putArray("failures");
        ops.list(
                        PayloadFilter.all()
                                .withState(WorkflowState.FAILED)
                                .withSince(Duration.ofHours(24))
                                .withLimit(50))
                .forEach(r -> failures.add(items.toItem(r)));
        return o;
    }

    private ObjectNode payloads(Map<String, String> q) {
        PayloadFilter filter = PayloadFilter.all();
        if (!blank(q.get("collections"))) {
            filter = filter.withCollections(q.get("collections"));
        }
        if (!blank(q.get("workflow"))) {
            filter = filter.withWorkflow(q.get("workflow"));
        }
        if (!blank(q.get("state"))) {
            filter = filter.withState(state(q.get("state")));
        }
        if (!blank(q.get("since"))) {
            filter = filter.withSince(Since.parse(q.get("since")));
        }
        int size = bounded(q.getOrDefault("size", "50"), "size", PAGE_SIZE_MAX);
        int page = bounded(q.getOrDefault("page", "0"), "page", 10_000);
        String search = q.getOrDefault("q", "").strip();
        int want = (page + 1) * size + 1;
        List<StateRecord> found =
                search.isEmpty()
                        ? ops.list(filter.withLimit(want))
                        : ops.list(filter).stream()
                                .filter(r -> r.id().toString().contains(search))
                                .limit(want)
                                .toList();
        ObjectNode o = NODES.objectNode();
        o.put("page", page);
        o.put("size", size);
        o.put("more", found.size() > (page + 1) * size);
        ArrayNode out = o.putArray("items");
        found.stream().skip((long) page * size).limit(size).forEach(r -> out.add(items.toItem(r)));
        return o;
    }

    private ObjectNode payload(String id) {
        PayloadStatus status = ops.status(parseId(id));
        ObjectNode o = NODES.objectNode();
        o.set("item", items.toItem(status.item()));
        o.put("input", status.input());
        ArrayNode executions = o.putArray("executions");
        status.executions().forEach(e -> executions.add(DashboardJson.execution(e)));
        o.put("readOnly", options.readOnly());
        return o;
    }

    private ObjectNode execution(String arn) {
        return DashboardJson.timeline(ops.timeline(arn), ops.definition(arn), clock.instant());
    }

    private ObjectNode batch() {
        cirrus.runtime.operate.BatchOverview overview = ops.batchOverview(25);
        vcpus.record(clock.instant(), overview);
        return DashboardJson.batch(overview, vcpus);
    }

    private ObjectNode job(String id, Map<String, String> q) {
        int lines = bounded(q.getOrDefault("lines", "200"), "lines", 5_000);
        ObjectNode o = NODES.objectNode();
        o.set(
                "job",
                DashboardJson.job(
                        ops.batchJob(id)
                                .orElseThrow(() -> HttpProblem.notFound("no Batch job " + id))));
        ArrayNode log = o.putArray("log");
        ops.batchLog(id, lines).forEach(l -> log.add(DashboardJson.log(l)));
        return o;
    }

    private ObjectNode rerun(JsonNode body) {
        if (options.readOnly()) {
            throw HttpProblem.forbidden(
                    "ReadOnly", "this dashboard is read-only (start it with --allow-rerun)");
        }
        JsonNode id = body.get("id");
        if (id == null || !id.isTextual()) {
            throw HttpProblem.badRequest("BadRequest", "a rerun needs {\"id\": \"<payload id>\"}");
        }
        RerunResult result = ops.rerun(List.of(parseId(id.asText())));
        ObjectNode o = NODES.objectNode();
        o.put("sent", result.sent());
        ArrayNode ids = o.putArray("payloads");
        result.matched().forEach(p -> ids.add(p.toString()));
        return o;
    }

    private static PayloadId parseId(String id) {
        try {
            return PayloadId.parse(id);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("CIRRUS-P004", e.getMessage());
        }
    }

    private static WorkflowState state(String s) {
        try {
            return WorkflowState.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("BadQuery", "unknown state " + s);
        }
    }

    private static HttpProblem problem(OperateException e) {
        int status =
                switch (e.code()) {
                    case PAYLOAD_NOT_FOUND, EXECUTION_NOT_FOUND, BATCH_JOB_NOT_FOUND -> 404;
                    case BAD_FILTER -> 400;
                    default -> 502;
                };
        return new HttpProblem(status, e.code().id(), e.getMessage());
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (blank(v)) {
            throw HttpProblem.badRequest("BadQuery", "missing query parameter " + name);
        }
        return v;
    }

    private static int bounded(String v, String name, int max) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest(
                    "BadQuery", name + " must be an integer from 0 to " + max + ", got " + v);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
