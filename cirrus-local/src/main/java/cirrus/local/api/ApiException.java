package cirrus.local.api;

/** A request the local API refuses; {@link #status} is the HTTP status, {@link #code} stable. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "NotFound", what);
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
