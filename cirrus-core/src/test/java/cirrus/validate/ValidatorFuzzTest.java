package cirrus.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;
import cirrus.project.load.BuiltinResources;
import cirrus.scaffold.ProjectInitializer;
import cirrus.yaml.YamlException;
import cirrus.yaml.YamlLoader;
import cirrus.yaml.YamlWriter;

/**
 * The validator never crashes on a malformed project: each example takes a realistic project
 * (cirrus init, a Batch task with its workflow, schema and reference fixtures), breaks one of its
 * YAML files (deletes a key, gives a value another type, replaces the file by random YAML, cuts it
 * short) and validates it. Every finding must be a clean diagnostic: a stable code, a one-line
 * message, a place in an existing file, and never the internal-error code.
 */
class ValidatorFuzzTest {
    private static final Pattern CODE = Pattern.compile("CIRRUS-[A-Z]{1,2}\\d{3}");
    private static final Pattern JAVA_CLASS =
            Pattern.compile(
                    "\\b(java|javax|cirrus|org|com)\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error)\\b");
    private static final int EXAMPLES = Integer.getInteger("cirrus.fuzzExamples", 120);

    @TempDir static Path base;
    @TempDir Path work;
    private static List<Path> files;

    @BeforeAll
    static void project() throws IOException {
        ProjectInitializer.initialize(base);
        for (String fixture :
                List.of(
                        "valid/v301-v302-v303-v304-v305-v306-v307-v308-v309-v310-v311-v312-v313-v314-v503-batch-pattern",
                        "valid/v201-v202-v203-v204-v205-v206-v207-v208-v209-a-correct-workflow",
                        "valid/v002-known-keys",
                        "valid/v107-conditions-declared",
                        "valid/v501-v502-least-privilege")) {
            FixtureProject.copy(FixtureProject.RESOURCES.resolve(fixture), base);
        }
        try (Stream<Path> all = Files.walk(base)) {
            files = all.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
    }

    @Test
    void mutatedProjectsGetCleanDiagnosticsAndNeverAnInternalError() {
        qt().withExamples(EXAMPLES)
                .withFixedSeed(Long.getLong("cirrus.fuzzSeed", 4_2024_11L))
                .forAll(
                        integers().between(0, 999),
                        integers().between(0, Mutation.values().length - 1),
                        integers().all())
                .checkAssert(
                        (file, mutation, seed) -> {
                            Path root = fresh(file + "-" + mutation + "-" + seed);
                            Path target =
                                    root.resolve(
                                            base.relativize(files.get(file % files.size()))
                                                    .toString());
                            Mutation.values()[mutation].apply(target, new Random(seed));
                            assertClean(root, FixtureProject.validate(root, true));
                        });
    }

    private Path fresh(String name) {
        Path root = work.resolve(name.replace('-', '_'));
        try {
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            FixtureProject.copy(base, Files.createDirectories(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static void assertClean(Path root, Validation.Report report) {
        Path builtins = new BuiltinResources().root();
        for (Diagnostic d : report.findings()) {
            String line = FixtureProject.line(d, root, builtins);
            assertThat(d.code()).as(line).matches(CODE).isNotEqualTo(RuleCatalog.INTERNAL_ERROR);
            assertThat(d.message())
                    .as(line)
                    .isNotBlank()
                    .doesNotContainPattern(JAVA_CLASS)
                    .doesNotContain("\tat ");
            assertThat(line).as("one line").doesNotContain("\n");
            if (d.location() != null) {
                assertThat(d.location().line()).as(line).isGreaterThanOrEqualTo(0);
                assertThat(
                                Files.exists(d.location().file())
                                        || d.location().file().startsWith(builtins))
                        .as("%s names a file that exists", line)
                        .isTrue();
            }
        }
    }

    /** The ways a file is broken. */
    enum Mutation {
        DELETE_KEY {
            @Override
            void change(Object tree, Random random) {
                List<Map<?, ?>> maps = new ArrayList<>();
                collect(tree, maps, null);
                Map<?, ?> m = pick(maps, random);
                if (m != null && !m.isEmpty()) {
                    List<?> keys = new ArrayList<>(m.keySet());
                    m.remove(keys.get(random.nextInt(keys.size())));
                }
            }
        },
        WRONG_TYPE {
            @Override
            @SuppressWarnings("unchecked")
            void change(Object tree, Random random) {
                List<Map<?, ?>> maps = new ArrayList<>();
                collect(tree, maps, null);
                Map<Object, Object> m = (Map<Object, Object>) pick(maps, random);
                if (m != null && !m.isEmpty()) {
                    List<?> keys = new ArrayList<>(m.keySet());
                    m.put(keys.get(random.nextInt(keys.size())), value(random));
                }
            }
        },
        WRONG_ITEM {
            @Override
            @SuppressWarnings("unchecked")
            void change(Object tree, Random random) {
                List<List<?>> lists = new ArrayList<>();
                collect(tree, null, lists);
                List<Object> l = (List<Object>) pick(lists, random);
                if (l != null && !l.isEmpty()) {
                    l.set(random.nextInt(l.size()), value(random));
                }
            }
        },
        RANDOM_YAML {
            @Override
            void apply(Path file, Random random) {
                write(file, randomText(random));
            }
        },
        TRUNCATE {
            @Override
            void apply(Path file, Random random) {
                String text = read(file);
                write(file, text.substring(0, random.nextInt(Math.max(1, text.length()))));
            }
        };

        void apply(Path file, Random random) {
            Object tree;
            try {
                tree = YamlLoader.load(file).root();
            } catch (YamlException e) {
                return;
            }
            change(tree, random);
            write(file, YamlWriter.write(tree));
        }

        void change(Object tree, Random random) {}

        static <T> T pick(List<T> from, Random random) {
            return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
        }

        static void collect(Object node, List<Map<?, ?>> maps, List<List<?>> lists) {
            if (node instanceof Map<?, ?> m) {
                if (maps != null) {
                    maps.add(m);
                }
                m.values().forEach(v -> collect(v, maps, lists));
            } else if (node instanceof List<?> l) {
                if (lists != null) {
                    lists.add(l);
                }
                l.forEach(v -> collect(v, maps, lists));
            }
        }

        static Object value(Random random) {
            return switch (random.nextInt(9)) {
                case 0 -> null;
                case 1 -> (long) random.nextInt(100_000) - 50;
                case 2 -> random.nextBoolean();
                case 3 -> "text-" + random.nextInt(100);
                case 4 -> new ArrayList<>(List.of("a", 1L, false));
                case 5 -> new java.util.LinkedHashMap<>(Map.of("Ref", "Nowhere"));
                case 6 -> new java.util.LinkedHashMap<>(Map.of("Fn::GetAtt", List.of()));
                case 7 -> "${self:custom.nothing}";
                default -> new java.util.LinkedHashMap<>(Map.of("x", List.of(Map.of())));
            };
        }

        static String randomText(Random random) {
            String alphabet = "ab:- {}[]#&*!|>'\"\n\t  %@`,?Ref::Fn::GetAtt";
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return b.toString();
        }

        static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void write(Path file, String text) {
            try {
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aProjectCutToNothingStillValidates() throws IOException {
        Path root = fresh("empty-files");
        for (Path f : files) {
            Files.writeString(root.resolve(base.relativize(f).toString()), "");
        }
        assertClean(root, FixtureProject.validate(root, true));
    }
}
