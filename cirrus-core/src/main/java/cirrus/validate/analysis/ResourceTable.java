package cirrus.validate.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A data table shipped as a class-path resource: one row a line, fields split by a separator, blank
 * lines and lines starting with {@code #} left out.
 */
final class ResourceTable {
    private ResourceTable() {}

    /**
     * The rows of {@code resource} (an absolute class-path name), each split at {@code separator}.
     */
    static List<String[]> rows(String resource, char separator) {
        Pattern split = Pattern.compile(Pattern.quote(String.valueOf(separator)));
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ResourceTable.class.getResourceAsStream(resource);
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(split.split(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
