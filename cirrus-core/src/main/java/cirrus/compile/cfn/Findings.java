package cirrus.compile.cfn;

import java.util.Map;
import java.util.Set;

import cirrus.compile.CompileDiagnostics;
import cirrus.diag.Diagnostic;

/**
 * Reports what the CloudFormation target finds into the build's diagnostics. {@code where} is the
 * configuration path of the offending value ({@code functions.api.events[0].http}).
 */
final class Findings {
    private final CompileDiagnostics diagnostics;

    Findings(CompileDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void error(CfnCode code, String where, String message) {
        diagnostics.add(Diagnostic.error(code.code(), null, where + ": " + message));
    }

    void warning(CfnCode code, String where, String message) {
        diagnostics.add(Diagnostic.warning(code.code(), null, where + ": " + message));
    }

    void invalid(String where, String message) {
        error(CfnCode.INVALID, where, message);
    }

    void unsupported(String where, String message) {
        error(CfnCode.UNSUPPORTED, where, message);
    }

    /**
     * Reports the first key of {@code map} that is not one of {@code known}; returns whether all
     * are known.
     */
    boolean onlyKeys(Map<String, Object> map, Set<String> known, String where) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                unsupported(
                        where + "." + key,
                        "not translated to CloudFormation (known here: "
                                + String.join(", ", known.stream().sorted().toList())
                                + ")");
                return false;
            }
        }
        return true;
    }
}
