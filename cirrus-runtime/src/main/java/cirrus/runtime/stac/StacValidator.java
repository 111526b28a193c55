package cirrus.runtime.stac;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.SchemaIdResolvers;

/**
 * Checks STAC items against the official JSON Schemas bundled in {@code cirrus/stac/schemas}: the
 * STAC 1.0.0 item schema (with the GeoJSON schemas it references), and each extension the item
 * declares in {@code stac_extensions} whose schema is bundled (projection and raster v1.1.0).
 * Everything is resolved from the classpath by {@code $id}; nothing is fetched over the network,
 * and a declared extension without a bundled schema is a warning naming it. Only items that declare
 * {@code stac_version} 1.0.0 are checked: the stub items of input payloads (no {@code
 * stac_version}) and items of older STAC versions have no bundled schema.
 */
public final class StacValidator {
    /** The STAC version whose schemas are bundled. */
    public static final String STAC_VERSION = "1.0.0";

    private static final String CLASSPATH = "classpath:cirrus/stac/schemas/";
    static final String ITEM_SCHEMA =
            "https://schemas.stacspec.org/v1.0.0/item-spec/json-schema/item.json";

    /** The extension schemas bundled, by the URL items declare in {@code stac_extensions}. */
    static final Map<String, String> EXTENSIONS =
            Map.of(
                    "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
                    CLASSPATH + "projection-1.1.0.json",
                    "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
                    CLASSPATH + "raster-1.1.0.json");

    private static final StacValidator BUNDLED = new StacValidator();

    private final SchemaRegistry registry;
    private final Schema item;

    private StacValidator() {
        registry =
                SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_7,
                        b ->
                                b.schemaLoader(
                                        l ->
                                                l.fetchRemoteResources(false)
                                                        .schemaIdResolvers(
                                                                StacValidator::bundledIds)));
        item = registry.getSchema(SchemaLocation.of(ITEM_SCHEMA));
    }

    /** Every {@code $id} the bundled schemas use, mapped to its file on the classpath. */
    private static void bundledIds(SchemaIdResolvers.Builder ids) {
        ids.mapPrefix("https://schemas.stacspec.org/v1.0.0/", CLASSPATH)
                .mapPrefix("https://geojson.org/schema/", CLASSPATH + "geojson/")
                .mappings(EXTENSIONS);
    }

    /** The validator with the bundled schemas (thread-safe, loaded once). */
    public static StacValidator bundled() {
        return BUNDLED;
    }

    /** Whether the schema of extension {@code url} is bundled. */
    public static boolean isBundled(String url) {
        return EXTENSIONS.containsKey(url);
    }

    /**
     * Checks one item.
     *
     * @param item the STAC item
     * @param pointer the item's JSON pointer in the checked document ({@code /features/0}), or
     *     {@code ""}
     * @return one finding per violation (errors) and per extension not checked (warnings)
     */
    public List<StacFinding> check(JsonNode item, String pointer) {
        List<StacFinding> out = new ArrayList<>();
        if (!STAC_VERSION.equals(item.path("stac_version").asText())) {
            // input payloads often carry stub items (id, collection, assets) that a task turns
            // into STAC, or items of older STAC versions: only STAC 1.0.0 items are checked
            return out;
        }
        report(this.item, item, pointer, "", out);
        for (JsonNode e : item.path("stac_extensions")) {
            String url = e.asText();
            Optional<Schema> schema = extension(url);
            if (schema.isPresent()) {
                report(schema.get(), item, pointer, " (extension " + url + ")", out);
            } else {
                out.add(
                        new StacFinding(
                                pointer + "/stac_extensions",
                                "extension " + url + " has no bundled schema: not checked",
                                false));
            }
        }
        return out;
    }

    /**
     * The item part of a bundled extension schema: each is {@code oneOf [items, collections]}, and
     * checking the item branch alone says which value is wrong instead of "0 of 2 schemas valid".
     */
    private Optional<Schema> extension(String url) {
        return isBundled(url)
                ? Optional.of(registry.getSchema(SchemaLocation.of(url + "#/oneOf/0")))
                : Optional.empty();
    }

    private static void report(
            Schema schema, JsonNode item, String pointer, String suffix, List<StacFinding> out) {
        List<Error> errors;
        try {
            errors = schema.validate(item);
        } catch (SchemaException e) {
            // a $ref to a schema that is not bundled (proj:projjson's PROJJSON schema): never
            // fetched, so this part of the item is not checked
            String what = String.valueOf(e.getMessage()).replaceFirst("^.*?Exception: ", "");
            out.add(
                    new StacFinding(
                            pointer,
                            "not checked"
                                    + suffix
                                    + ": it refers to schema "
                                    + what
                                    + ", which is not bundled",
                            false));
            return;
        }
        for (Error error : errors) {
            String at = pointer + jsonPointer(error.getInstanceLocation().toString());
            if (at.equals(pointer + "/collection") && "not".equals(error.getKeyword())) {
                // the item schema's if/then/else: a collection id needs a rel=collection link
                out.add(
                        new StacFinding(
                                pointer + "/links",
                                "collection link missing: the item names collection '"
                                        + item.path("collection").asText()
                                        + "' but no link has rel 'collection'",
                                true));
                continue;
            }
            out.add(new StacFinding(at, message(error) + suffix, true));
        }
    }

    /** The library's location ({@code /links} or {@code $.links[0]}) as a JSON pointer. */
    static String jsonPointer(String location) {
        if (location.startsWith("/") || location.isEmpty()) {
            return location;
        }
        String p = location.startsWith("$") ? location.substring(1) : location;
        return p.replaceAll("\\[(\\d+)\\]", "/$1")
                .replaceAll("\\['([^']*)'\\]", "/$1")
                .replace('.', '/');
    }

    private static String message(Error error) {
        String m = error.getMessage().replaceAll("\\s*\\R\\s*", " ");
        String location = error.getInstanceLocation().toString();
        if (m.startsWith(location + ": ")) {
            m = m.substring(location.length() + 2);
        }
        return m;
    }
}
