package cirrus.aws.moto;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * IAM on moto through raw query-API calls (the production code needs no IAM client): reading a
 * deployed role's inline policies and creating users that stand in for roles. Used while IAM
 * enforcement is off (moto does not check the signature of these calls then).
 *
 * <p>moto 5.2.1 crashes when a user assumes a role whose trust policy names a service, so a role is
 * represented by a user holding the role's policies. moto evaluates the {@code Resource} of a
 * statement only for S3 (bucket and key ARNs) and SQS (queue ARN); for every other service it
 * checks the action against the resource {@code "*"}, which a specific ARN never matches. {@link
 * #standInPolicy} therefore keeps S3 and SQS resources as deployed and widens the others to {@code
 * "*"}: the actions are exactly the role's.
 */
public final class MotoIam {
    private static final ObjectMapper JSON = new ObjectMapper();
    // moto 5.2.1 answers GetRolePolicy of a role CloudFormation created with the Python repr of
    // the document ({'Version': '2012-10-17', ...})
    private static final ObjectMapper PYTHON_REPR =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_SINGLE_QUOTES)
                    .build();

    private final MotoServer moto;

    public MotoIam(MotoServer moto) {
        this.moto = moto;
    }

    /** The inline policy documents of a role, by policy name. */
    public Map<String, JsonNode> rolePolicies(String roleName) {
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        String list = call("ListRolePolicies", Map.of("RoleName", roleName));
        for (String name : all(list, "<member>([^<]+)</member>")) {
            String doc =
                    first(
                            call("GetRolePolicy", Map.of("RoleName", roleName, "PolicyName", name)),
                            "<PolicyDocument>([^<]+)</PolicyDocument>");
            try {
                policies.put(name, PYTHON_REPR.readTree(unescape(doc)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return policies;
    }

    /** The role's policies as a user's: S3/SQS resources kept, the others {@code "*"}. */
    public static JsonNode standInPolicy(JsonNode policy) {
        ObjectNode copy = policy.deepCopy();
        ArrayNode statements =
                copy.path("Statement").isArray()
                        ? (ArrayNode) copy.path("Statement")
                        : copy.putArray("Statement").add(policy.path("Statement").deepCopy());
        for (JsonNode s : statements) {
            boolean checkedByMoto = true;
            for (String action : actions(s)) {
                checkedByMoto &= action.startsWith("s3:") || action.startsWith("sqs:");
            }
            if (!checkedByMoto) {
                ((ObjectNode) s).put("Resource", "*");
            }
            // IAM authorizes a batch operation with the single-entry action; moto checks the
            // operation's own name, so the stand-in also gets that name
            List<String> aliases = new ArrayList<>();
            for (String action : actions(s)) {
                String alias = MOTO_BATCH_NAMES.get(action);
                if (alias != null) {
                    aliases.add(alias);
                }
            }
            if (!aliases.isEmpty()) {
                List<String> all = actions(s);
                all.addAll(aliases);
                ArrayNode replaced = ((ObjectNode) s).putArray("Action");
                all.forEach(replaced::add);
            }
        }
        return copy;
    }

    private static final java.util.Map<String, String> MOTO_BATCH_NAMES =
            java.util.Map.of(
                    "sns:Publish", "sns:PublishBatch",
                    "sqs:SendMessage", "sqs:SendMessageBatch",
                    "sqs:DeleteMessage", "sqs:DeleteMessageBatch",
                    "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch");

    /** The actions of one statement ({@code Action} as a string or a list). */
    public static List<String> actions(JsonNode statement) {
        List<String> actions = new ArrayList<>();
        JsonNode a = statement.path("Action");
        if (a.isArray()) {
            a.forEach(x -> actions.add(x.asText()));
        } else if (a.isTextual()) {
            actions.add(a.asText());
        }
        return actions;
    }

    /** Creates a user with these inline policies and returns its new access key. */
    public AwsBasicCredentials createUser(String userName, Map<String, JsonNode> policies) {
        call("CreateUser", Map.of("UserName", userName));
        policies.forEach(
                (name, doc) ->
                        call(
                                "PutUserPolicy",
                                Map.of(
                                        "UserName",
                                        userName,
                                        "PolicyName",
                                        name,
                                        "PolicyDocument",
                                        doc.toString())));
        String key = call("CreateAccessKey", Map.of("UserName", userName));
        return AwsBasicCredentials.create(
                first(key, "<AccessKeyId>([^<]+)</AccessKeyId>"),
                first(key, "<SecretAccessKey>([^<]+)</SecretAccessKey>"));
    }

    /** Replaces one inline policy of a user. */
    public void putUserPolicy(String userName, String policyName, JsonNode doc) {
        call(
                "PutUserPolicy",
                Map.of(
                        "UserName",
                        userName,
                        "PolicyName",
                        policyName,
                        "PolicyDocument",
                        doc.toString()));
    }

    private String call(String action, Map<String, String> params) {
        StringBuilder body = new StringBuilder("Action=" + action + "&Version=2010-05-08");
        params.forEach(
                (k, v) ->
                        body.append('&').append(k).append('=').append(URLEncoder.encode(v, UTF_8)));
        try {
            HttpURLConnection c =
                    (HttpURLConnection) moto.endpoint().resolve("/").toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setConnectTimeout(2_000);
            c.setReadTimeout(30_000);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            c.setRequestProperty(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/iam/aws4_request,"
                            + " SignedHeaders=host, Signature=0");
            c.getOutputStream().write(body.toString().getBytes(UTF_8));
            int status = c.getResponseCode();
            InputStream in = status / 100 == 2 ? c.getInputStream() : c.getErrorStream();
            String response = new String(in.readAllBytes(), UTF_8);
            if (status / 100 != 2) {
                throw new IllegalStateException(
                        "IAM " + action + ": HTTP " + status + " " + response);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String xmlText) {
        String text =
                xmlText.replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&#39;", "'")
                        .replace("&amp;", "&");
        return text.startsWith("%7B") || text.startsWith("%7b")
                ? URLDecoder.decode(text, UTF_8)
                : text;
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
