package cirrus.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cirrus.diag.Location;

class YamlLoaderTest {
    private static final Path FILE = Path.of("cirrus.yml");

    private static Object load(String yaml) {
        return YamlLoader.loadString(yaml, FILE).root();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String yaml) {
        return (Map<String, Object>) load(yaml);
    }

    @Test
    void shortTagsBecomeLongForm() {
        Map<String, Object> m =
                map(
                        """
                        a: !Ref Data
                        b: !GetAtt pubPrivateVPC.DefaultSecurityGroup
                        c: !GetAtt [Role, Arn]
                        d: !Join ['', ['arn:aws:s3:::', !Ref Data]]
                        e: !Condition IsProd
                        f: !ImportValue shared-subnet
                        g: !GetAtt Queue.Attributes.Arn
                        """);
        assertThat(m.get("a")).isEqualTo(Map.of("Ref", "Data"));
        assertThat(m.get("b"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("pubPrivateVPC", "DefaultSecurityGroup")));
        assertThat(m.get("c")).isEqualTo(Map.of("Fn::GetAtt", List.of("Role", "Arn")));
        assertThat(m.get("d"))
                .isEqualTo(
                        Map.of(
                                "Fn::Join",
                                List.of("", List.of("arn:aws:s3:::", Map.of("Ref", "Data")))));
        assertThat(m.get("e")).isEqualTo(Map.of("Condition", "IsProd"));
        assertThat(m.get("f")).isEqualTo(Map.of("Fn::ImportValue", "shared-subnet"));
        assertThat(m.get("g")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Attributes.Arn")));
    }

    @Test
    void pseudoParametersAreWrappedInSubExceptInsideASubTemplate() {
        Map<String, Object> m =
                map(
                        """
                        stack: "#{AWS::StackName}"
                        arn: arn:aws:sns:#{AWS::Region}:#{AWS::AccountId}:*
                        list: ["x-#{AWS::Region}"]
                        sub: !Sub "x-#{AWS::Region}"
                        subList: !Sub ["#{AWS::StackName}-${S}", {S: "#{AWS::Region}"}]
                        other: "#{MyJobQueue}"
                        var: ${self:service}
                        """);
        assertThat(m.get("stack")).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}"));
        assertThat(m.get("arn"))
                .isEqualTo(Map.of("Fn::Sub", "arn:aws:sns:${AWS::Region}:${AWS::AccountId}:*"));
        assertThat(m.get("list")).isEqualTo(List.of(Map.of("Fn::Sub", "x-${AWS::Region}")));
        assertThat(m.get("sub")).isEqualTo(Map.of("Fn::Sub", "x-${AWS::Region}"));
        assertThat(m.get("subList"))
                .as("the template of !Sub [..] is not double-wrapped (upstream bug fixed)")
                .isEqualTo(
                        Map.of(
                                "Fn::Sub",
                                List.of(
                                        "${AWS::StackName}-${S}",
                                        Map.of("S", Map.of("Fn::Sub", "${AWS::Region}")))));
        assertThat(m.get("other")).isEqualTo("#{MyJobQueue}");
        assertThat(m.get("var")).isEqualTo("${self:service}");
    }

    @Test
    void mappingKeysAreNeverConverted() {
        assertThat(map("\"#{AWS::Region}\": 1")).containsOnlyKeys("#{AWS::Region}");
    }

    @Test
    void scalarsFollowYaml11LikePyYaml() {
        Map<String, Object> m =
                map(
                        """
                        yes1: yes
                        on1: On
                        off1: off
                        t: True
                        octal: 0755
                        notOctal: 0789
                        hex: 0x1F
                        bin: 0b101
                        under: 1_000
                        sexagesimal: 190:20:30
                        big: 123456789012345678901234567890
                        exp: 1e5
                        float: 2.0
                        floatExp: 1.5e+3
                        inf: -.inf
                        nul: ~
                        empty:
                        date: 2010-09-09
                        quotedDate: '2012-10-17'
                        text: hello world
                        """);
        assertThat(m.get("yes1")).isEqualTo(true);
        assertThat(m.get("on1")).isEqualTo(true);
        assertThat(m.get("off1")).isEqualTo(false);
        assertThat(m.get("t")).isEqualTo(true);
        assertThat(m.get("octal")).isEqualTo(493L);
        assertThat(m.get("notOctal")).isEqualTo("0789");
        assertThat(m.get("hex")).isEqualTo(31L);
        assertThat(m.get("bin")).isEqualTo(5L);
        assertThat(m.get("under")).isEqualTo(1000L);
        assertThat(m.get("sexagesimal")).isEqualTo(685230L);
        assertThat(m.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(m.get("exp")).as("PyYAML needs a dot for a float").isEqualTo("1e5");
        assertThat(m.get("float")).isEqualTo(2.0);
        assertThat(m.get("floatExp")).isEqualTo(1500.0);
        assertThat(m.get("inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(m).containsEntry("nul", null).containsEntry("empty", null);
        assertThat(m.get("date")).isEqualTo(new YamlTimestamp("2010-09-09"));
        assertThat(m.get("quotedDate")).isEqualTo("2012-10-17");
        assertThat(m.get("text")).isEqualTo("hello world");
    }

    @Test
    void mergeKeysAreFlattenedWithOwnKeysWinningAtTheMergedPosition() {
        Map<String, Object> m =
                map(
                        """
                        base: &b {a: 1, b: 2}
                        other: &o {b: 9, z: 0}
                        x:
                          <<: [*b, *o]
                          b: 3
                          c: 4
                        """);
        @SuppressWarnings("unchecked")
        Map<String, Object> x = (Map<String, Object>) m.get("x");
        assertThat(x)
                .containsExactly(
                        Map.entry("b", 3L),
                        Map.entry("z", 0L),
                        Map.entry("a", 1L),
                        Map.entry("c", 4L));
    }

    @Test
    void orderOfKeysIsPreserved() {
        assertThat(map("z: 1\na: 2\nm: 3").keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void syntaxErrorsCarryFileLineAndColumn() {
        assertThatThrownBy(() -> YamlLoader.loadString("a: 1\nb: [1, 2\nc: 3\n", FILE))
                .isInstanceOfSatisfying(
                        YamlException.class,
                        e -> {
                            assertThat(e.diagnostic().code()).isEqualTo(YamlException.SYNTAX);
                            assertThat(e.diagnostic().location().line()).isEqualTo(3);
                            assertThat(e.diagnostic().format()).startsWith("cirrus.yml:3:");
                            assertThat(e.diagnostic().format()).doesNotContain("\n");
                        });
    }

    @Test
    void tabIndentationIsASyntaxError() {
        assertThatThrownBy(() -> YamlLoader.loadString("a:\n\tb: 1\n", FILE))
                .isInstanceOf(YamlException.class)
                .hasMessageStartingWith("cirrus.yml:2:");
    }

    @Test
    void duplicateKeysWarnAndTheLastWins() {
        YamlDocument doc = YamlLoader.loadString("a: 1\nb: 2\na: 3\n", FILE);
        assertThat(doc.rootMap().orElseThrow())
                .containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
        assertThat(doc.warnings())
                .singleElement()
                .satisfies(
                        w ->
                                assertThat(w.format())
                                        .isEqualTo(
                                                "cirrus.yml:3:1: warning[CIRRUS-Y004] duplicate key 'a': the last value wins"));
    }

    @Test
    void recursiveAliasesAreRejected() {
        assertThatThrownBy(() -> YamlLoader.loadString("a: &x\n  b: *x\n", FILE))
                .isInstanceOf(YamlException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void locationsPointAtKeysValuesAndItems() {
        YamlDocument doc =
                YamlLoader.loadString(
                        "provider:\n  name: aws\n  list:\n    - one\n    - two\n", FILE);
        Map<String, Object> root = doc.rootMap().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> provider = (Map<String, Object>) root.get("provider");
        SourceMap loc = doc.locations();
        assertThat(loc.key(root, "provider")).contains(new Location(FILE, 1, 1));
        assertThat(loc.of(provider)).contains(new Location(FILE, 2, 3));
        assertThat(loc.value(provider, "name")).contains(new Location(FILE, 2, 9));
        assertThat(loc.item((List<?>) provider.get("list"), 1)).contains(new Location(FILE, 5, 7));
    }

    @Test
    void emptyDocumentHasNoRoot() {
        assertThat(YamlLoader.loadString("# just a comment\n", FILE).root()).isNull();
    }

    @Test
    void missingFileIsAnUnreadableDiagnostic() {
        assertThatThrownBy(() -> YamlLoader.load(Path.of("does/not/exist.yml")))
                .isInstanceOfSatisfying(
                        YamlException.class,
                        e -> assertThat(e.diagnostic().code()).isEqualTo(YamlException.UNREADABLE));
    }
}
