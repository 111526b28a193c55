package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every quoting, folding and block rule of the writer. Each expectation is what PyYAML 6 with
 * cfn-flip 1.3.0's LongCleanDumper (what cirrus v0.15.4 uses) writes for the same tree; they were
 * produced with Python once and are fixed here, so these tests need no Python.
 */
class YamlWriterTest {
    /** Builds the input tree with the loader (inputs use flow style and YAML escapes). */
    private static String write(String yaml) {
        return YamlWriter.write(YamlLoader.loadString(yaml, Path.of("t.yml")).root());
    }

    @Test
    void stringsThatReadBackUnchangedArePlain() {
        assertThat(
                        write(
                                "{a: hello world, b: '${self:custom.batch.Subnets}', c: 0.0.0.0/0,"
                                        + " d: 'Fn::Sub', e: '1e5', f: 'arn:aws:s3:::bucket/*'}"))
                .isEqualTo(
                        """
                        a: hello world
                        b: ${self:custom.batch.Subnets}
                        c: 0.0.0.0/0
                        d: Fn::Sub
                        e: 1e5
                        f: arn:aws:s3:::bucket/*
                        """);
    }

    @Test
    void stringsThatYaml11WouldReadAsAnotherTypeAreSingleQuoted() {
        assertThat(
                        write(
                                "{'yes': 'yes', n: 'null', t: '~', d: '2012-10-17', i: '24',"
                                        + " f: '1.5', h: '0x1F', o: '0755', m: '<<', eq: '=', b: 'On'}"))
                .isEqualTo(
                        """
                        'yes': 'yes'
                        n: 'null'
                        t: '~'
                        d: '2012-10-17'
                        i: '24'
                        f: '1.5'
                        h: '0x1F'
                        o: '0755'
                        m: '<<'
                        eq: '='
                        b: 'On'
                        """);
    }

    @Test
    void indicatorsAndEmptyStringsAreSingleQuotedAndQuotesDoubled() {
        assertThat(
                        write(
                                "{star: '*', arn: 'arn:aws:s3:::', dash: '- x', colon: 'a: b',"
                                        + " hash: 'a #b', bang: '!Ref', q: '?', doc: '---', pct: '%x',"
                                        + " quote: \"it's\", lead: \"'x\", empty: ''}"))
                .isEqualTo(
                        """
                        star: '*'
                        arn: 'arn:aws:s3:::'
                        dash: '- x'
                        colon: 'a: b'
                        hash: 'a #b'
                        bang: '!Ref'
                        q: '?'
                        doc: '---'
                        pct: '%x'
                        quote: it's
                        lead: '''x'
                        empty: ''
                        """);
    }

    @Test
    void accountIdsKeepTheirLeadingZeroInQuotes() {
        assertThat(write("{acct: '0123456789', zero: '0', short: '0123', ip: 0.0.0.0/0}"))
                .isEqualTo(
                        """
                        acct: '0123456789'
                        zero: '0'
                        short: '0123'
                        ip: 0.0.0.0/0
                        """);
    }

    @Test
    void leadingOrTrailingSpacesForceQuotes() {
        assertThat(write("{lead: ' x', trail: 'x ', both: '  '}"))
                .isEqualTo(
                        """
                        lead: ' x'
                        trail: 'x '
                        both: '  '
                        """);
    }

    @Test
    void multiLineStringsAreLiteralBlocksWithChompingAndIndentHints() {
        assertThat(
                        write(
                                "{strip: \"line1\\nline2\", clip: \"line1\\nline2\\n\","
                                        + " indented: \"  code\\nmore\"}"))
                .isEqualTo(
                        """
                        strip: |-
                          line1
                          line2
                        clip: |
                          line1
                          line2
                        indented: |2-
                            code
                          more
                        """);
    }

    @Test
    void keptTrailingNewlinesOpenTheDocumentEnd() {
        assertThat(write("{a: \"x\\n\\n\"}")).isEqualTo("a: |+\n  x\n\n...\n");
        assertThat(write("{a: [\"x\\n\\n\", y]}")).isEqualTo("a:\n  - |+\n    x\n\n  - y\n");
    }

    @Test
    void stringsThatCannotBeBlocksFallBackToDoubleQuotes() {
        assertThat(write("{trailingSpaceLine: \"a \\nb\", onlyCr: \"a\\rb\", tab: \"a\\tb\"}"))
                .isEqualTo(
                        """
                        trailingSpaceLine: "a \\nb"
                        onlyCr: "a\\rb"
                        tab: "a\\tb"
                        """);
    }

    @Test
    void nonAsciiIsEscapedInDoubleQuotes() {
        assertThat(write("{e: café, euro: 5€, emoji: \"\\U0001F600\", nbsp: \"a\\_b\"}"))
                .isEqualTo(
                        """
                        e: "caf\\xE9"
                        euro: "5\\u20AC"
                        emoji: "\\U0001F600"
                        nbsp: "a\\_b"
                        """);
    }

    @Test
    void longPlainStringsFoldAtASpacePastColumn80() {
        assertThat(
                        write(
                                "{description: 'Publish resulting STAC Collections and Items to"
                                        + " catalog, and optionally SNS and more words after that to"
                                        + " wrap twice around the eighty column limit'}"))
                .isEqualTo(
                        """
                        description: Publish resulting STAC Collections and Items to catalog, and optionally
                          SNS and more words after that to wrap twice around the eighty column limit
                        """);
    }

    @Test
    void longQuotedStringsFoldToo() {
        String yes = "yes ".repeat(30);
        assertThat(write("{y: '" + yes + "'}"))
                .isEqualTo(
                        "y: 'yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes yes"
                                + " yes yes yes\n  yes yes yes yes yes yes yes yes yes yes '\n");
        assertThat(write("{d: \"" + "café ".repeat(30) + "\"}"))
                .isEqualTo(
                        """
                        d: "caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9\\
                          \\ caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9\\
                          \\ caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9 caf\\xE9\\
                          \\ "
                        """);
    }

    @Test
    void sequencesAreIndentedUnderTheirKeyAndEmptyCollectionsAreFlow() {
        assertThat(
                        write(
                                "{e: {}, l: [], nested: [[1, [2]], {a: [], b: {}}], m: {x: [{k: v, k2: [a]}]}}"))
                .isEqualTo(
                        """
                        e: {}
                        l: []
                        nested:
                          - - 1
                            - - 2
                          - a: []
                            b: {}
                        m:
                          x:
                            - k: v
                              k2:
                                - a
                        """);
    }

    @Test
    void longEmptyOrMultiLineKeysBecomeComplexKeys() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("k".repeat(122), 1L);
        keys.put("k".repeat(123), 2L);
        keys.put("", 3L);
        keys.put("0123", 4L);
        assertThat(YamlWriter.write(keys))
                .isEqualTo(
                        "k".repeat(122)
                                + ": 1\n? "
                                + "k".repeat(123)
                                + "\n: 2\n? ''\n: 3\n'0123': 4\n");
    }

    @Test
    void numbersBooleansAndNullAreWrittenAsPythonWritesThem() {
        assertThat(
                        write(
                                "{i: 13, neg: -7, big: 12345678901234567890, f: 2.0, s: 1.0e+16,"
                                        + " t: 1.5e-07, nz: -0.0, inf: .inf, nan: .nan, o: 0o17, x: 0x1F,"
                                        + " octal: 017, t1: true, f1: no, none: null, tilde: ~}"))
                .isEqualTo(
                        """
                        i: 13
                        neg: -7
                        big: 12345678901234567890
                        f: 2.0
                        s: 1.0e+16
                        t: 1.5e-07
                        nz: -0.0
                        inf: .inf
                        nan: .nan
                        o: 0o17
                        x: 31
                        octal: 15
                        t1: true
                        f1: false
                        none: null
                        tilde: null
                        """);
    }

    @Test
    void floatsUseTheShortestRoundTripDigits() {
        assertThat(ScalarEvent.floatText(0.1)).isEqualTo("0.1");
        assertThat(ScalarEvent.floatText(1e22)).isEqualTo("1.0e+22");
        assertThat(ScalarEvent.floatText(123.456)).isEqualTo("123.456");
        assertThat(ScalarEvent.floatText(0.0001)).isEqualTo("0.0001");
        assertThat(ScalarEvent.floatText(0.00001)).isEqualTo("1.0e-05");
        assertThat(ScalarEvent.floatText(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(ScalarEvent.floatText(12345678901234567.0)).isEqualTo("1.2345678901234568e+16");
    }

    @Test
    void timestampsAreWrittenAsPythonsIsoformat() {
        assertThat(
                        write(
                                "{d: 2012-10-17, dt: 2001-12-14t21:59:43.10-05:00,"
                                        + " z: 2001-12-15T02:59:43.1Z, naive: 2002-12-14 1:02:03,"
                                        + " frac0: 2002-12-14 01:02:03.000, neg0: 2002-12-14 01:02:03-00:00}"))
                .isEqualTo(
                        """
                        d: 2012-10-17
                        dt: 2001-12-14 21:59:43.100000-05:00
                        z: 2001-12-15 02:59:43.100000+00:00
                        naive: 2002-12-14 01:02:03
                        frac0: 2002-12-14 01:02:03
                        neg0: 2002-12-14 01:02:03+00:00
                        """);
    }

    @Test
    void rootScalarsAndSequences() {
        assertThat(YamlWriter.write("abc")).isEqualTo("abc\n...\n");
        assertThat(YamlWriter.write(List.of("a"))).isEqualTo("- a\n");
    }

    @Test
    void valuesWithoutAYamlFormAreRejected() {
        assertThatThrownBy(() -> YamlWriter.write(Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write");
    }
}
