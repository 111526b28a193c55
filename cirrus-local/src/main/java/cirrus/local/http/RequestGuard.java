package cirrus.local.http;

import java.util.Locale;
import java.util.Set;

/**
 * The checks every request passes before a route sees it:
 *
 * <ul>
 *   <li>the method is GET, HEAD or POST (else 405);
 *   <li>the {@code Host} header names this server (loopback names, or the configured host; any name
 *       when it binds every interface), so a DNS-rebound page cannot read the API (403 {@code
 *       ForbiddenHost});
 *   <li>an {@code Origin} header, if any, is the origin the request was sent to ({@code http://}
 *       and its {@code Host}), and a {@code Sec-Fetch-Site} header, if any, is not {@code
 *       cross-site} (403 {@code CrossOrigin});
 *   <li>a POST carries the per-process {@link ServerToken} (403 {@code MissingToken}).
 * </ul>
 */
public final class RequestGuard {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    /** Host names accepted; empty when the server binds every interface (any name). */
    private final Set<String> hostNames;

    private final ServerToken token;
    private volatile int port;

    /**
     * @param boundHost the host the server binds (its name is accepted besides loopback names)
     * @param token the per-process token POSTs must carry
     */
    public RequestGuard(String boundHost, ServerToken token) {
        String bound = boundHost.toLowerCase(Locale.ROOT);
        if (bound.contains(":") && !bound.startsWith("[")) {
            bound = "[" + bound + "]";
        }
        boolean wildcard = bound.equals("0.0.0.0") || bound.equals("[::]");
        this.hostNames =
                wildcard
                        ? Set.of()
                        : ServerSettings.isLoopback(boundHost)
                                ? LOOPBACK_NAMES
                                : Set.of("127.0.0.1", "localhost", "[::1]", bound);
        this.token = token;
    }

    /** The port the server listens on, known once it is bound. */
    void port(int port) {
        this.port = port;
    }

    /** The headers the guard reads, as the client sent them (null when absent). */
    public record Headers(String host, String origin, String secFetchSite, String token) {}

    /** Refuses the request with an {@link HttpProblem}, or returns normally. */
    public void check(String method, Headers headers) {
        if (!METHODS.contains(method)) {
            throw HttpProblem.methodNotAllowed(
                    method + " is not supported here (GET, HEAD and POST are)");
        }
        if (headers.host() != null
                && !hostNames.isEmpty()
                && !hostNames.contains(hostName(headers.host()))) {
            throw HttpProblem.forbidden(
                    "ForbiddenHost",
                    "Host '"
                            + headers.host()
                            + "' is not this server; use http://127.0.0.1:"
                            + port
                            + "/");
        }
        if (headers.origin() != null && !isOwnOrigin(headers.origin(), headers.host())) {
            throw HttpProblem.forbidden(
                    "CrossOrigin", "requests from origin " + headers.origin() + " are refused");
        }
        if ("cross-site".equalsIgnoreCase(headers.secFetchSite())) {
            throw HttpProblem.forbidden("CrossOrigin", "cross-site requests are refused");
        }
        if (method.equals("POST") && !token.matches(headers.token())) {
            throw HttpProblem.forbidden(
                    "MissingToken",
                    "a POST needs the "
                            + ServerToken.HEADER
                            + " header of this server (cirrus serve writes it to serve.json)");
        }
    }

    /** Same origin: {@code http://} and exactly the authority the request was sent to. */
    private static boolean isOwnOrigin(String origin, String host) {
        return host != null
                && origin.toLowerCase(Locale.ROOT)
                        .equals("http://" + host.strip().toLowerCase(Locale.ROOT));
    }

    /** The name part of a Host header: {@code 127.0.0.1:8642} → {@code 127.0.0.1}. */
    static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
