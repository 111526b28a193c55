package cirrus.cli.states;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cirrus.diag.Location;
import cirrus.states.json.Json;
import cirrus.yaml.YamlLoader;

/** YAML read as cirrus reads it, converted to a JSON tree with locations by JSON Pointer. */
class YamlTreeTest {
    private static final Path FILE = Path.of("f.yml");

    private static LocatedJson yaml(String text) {
        return YamlTree.of(YamlLoader.loadString(text, FILE));
    }

    @Test
    void scalarsFollowYaml11AsCirrusReadsThem() throws Exception {
        assertThat(
                        yaml("a: True\nb: 12\nc: 2.5\nd: ~\ne: '12'\nf: 2016-03-14T01:59:00Z\ng: 12345678901\n")
                                .tree())
                .isEqualTo(
                        Json.parse(
                                "{\"a\":true,\"b\":12,\"c\":2.5,\"d\":null,\"e\":\"12\",\"f\":\"2016-03-14T01:59:00Z\",\"g\":12345678901}"));
    }

    @Test
    void cloudFormationShortTagsBecomeLongForms() throws Exception {
        assertThat(yaml("a: !GetAtt publish.Arn\nb: !Ref MyQueue\nc: !Join ['', [x, y]]\n").tree())
                .isEqualTo(
                        Json.parse(
                                "{\"a\":{\"Fn::GetAtt\":[\"publish\",\"Arn\"]},\"b\":{\"Ref\":\"MyQueue\"},\"c\":{\"Fn::Join\":[\"\",[\"x\",\"y\"]]}}"));
    }

    @Test
    void everyMemberHasTheLocationOfItsKeyOrItem() {
        LocatedJson json = yaml("States:\n  A:\n    Next: B\n  list:\n    - one\n    - two\n");
        assertThat(json.locations().get("/States/A/Next")).isEqualTo(new Location(FILE, 3, 5));
        assertThat(json.locations().get("/States/list/1")).isEqualTo(new Location(FILE, 6, 7));
    }

    @Test
    void jsonLocationsPointAtKeysAndElements() throws Exception {
        LocatedJson json =
                LocatedJson.parse("{\n  \"a\": [1,\n    {\"b/c\": 2}]\n}", Path.of("f.json"), "X");
        assertThat(json.locations().get("/a")).isEqualTo(new Location(Path.of("f.json"), 2, 3));
        assertThat(json.locations().get("/a/1/b~1c"))
                .isEqualTo(new Location(Path.of("f.json"), 3, 6));
    }
}
