package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;

class ChainFilterTest {
    private static final JsonNode ITEM =
            Json.parse(
                    "{\"id\": \"fake-3\", \"collection\": \"c\", \"properties\": {\"gsd\": 10.5,"
                            + " \"eo:cloud_cover\": 51.56, \"platform\": \"sentinel-2b\", \"n\":"
                            + " \"12\", \"valid\": true, \"bands\": [\"B01\", \"B02\"]}}");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "@.id =~ 'fake*'                                   => true",
                "@.id =~ '^real'                                   => false",
                "@.id =~ 'fake*' & @.properties.gsd <= 0           => false",
                "@.id =~ 'fake*' & @.properties.gsd >= 10          => true",
                "@.properties.gsd == 10                            => true",
                "@.properties.gsd == 10.5                          => true",
                "@.properties.gsd > 10.4                           => true",
                "@.properties.gsd < 10.4                           => false",
                "@.properties.n == 12                              => true",
                "@.properties.n == '12'                            => true",
                "@.properties.platform = 'sentinel-2b'             => true",
                "@.properties.platform != \"sentinel-2a\"          => true",
                "@.properties.'eo:cloud_cover' < 60                => true",
                "@.properties.eo:cloud_cover < 50                  => false",
                "@.properties.valid == true                        => true",
                "@.properties.bands[1] == 'B02'                    => true",
                "@.properties.missing                              => false",
                "@.properties.gsd                                  => true",
                "@.properties.missing == 1 | @.collection == 'c'   => true",
                "(@.id == 'x' | @.id == 'fake-3') & @.collection == 'c' => true",
                "@.properties.platform > 3.5                       => false",
            })
    void evaluatesLikeJsonpathNgExt(String filter, boolean expected) {
        assertThat(ChainFilter.parse(filter).matches(ITEM)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "id == 1",
                "@.id ==",
                "@.id =~ 3",
                "(@.id == 1",
                "@.id == 'x' junk",
                "@.id =~ '('"
            })
    void malformedFiltersAreInvalidValuesOfChainFilter(String filter) {
        assertThatThrownBy(() -> ChainFilter.parse(filter))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageStartingWith("process.chain_filter: ");
    }
}
