package dev.agentanalytics.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectTimestampsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2019-05-25T18:43:59.049Z,       2019-05-25T18:43:59.049Z",
        "2019-05-25T18:43:59:049Z,       2019-05-25T18:43:59.049Z",
        "2019-05-25T18:43:59Z,           2019-05-25T18:43:59.000Z",
        "2019-05-25T18:43:59.5Z,         2019-05-25T18:43:59.500Z",
        "2019-05-25T18:43:59.04Z,        2019-05-25T18:43:59.040Z",
        "2019-05-25T18:43:59.049999999Z, 2019-05-25T18:43:59.049Z",
        "2019-05-25T18:43:59.0499Z,      2019-05-25T18:43:59.049Z",
        "2019-05-25T20:43:59.049+02:00,  2019-05-25T18:43:59.049Z",
        "2019-05-25T13:13:59.049-05:30,  2019-05-25T18:43:59.049Z",
        "2019-05-25T18:43:59+00:00,      2019-05-25T18:43:59.000Z",
        "2020-02-29T23:59:59.999Z,       2020-02-29T23:59:59.999Z",
    })
    void acceptsEveryFormConnectWrites(String text, String expected) {
        assertEquals(Instant.parse(expected).toEpochMilli(), ConnectTimestamps.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "2019-05-25T18:43:59.049",      // no zone
        "2019-05-25 18:43:59.049Z",     // space for T
        "1558809839049",                // a number as text
        "2019-13-45T18:43:59Z",         // impossible date
        "2019-02-30T10:00:00Z",         // impossible date
        "2019-05-25T24:00:00Z",         // impossible time
        "2019-05-25T18:60:00Z",         // impossible time
        "2019-05-25T18:43:60Z",         // leap seconds are not written by Connect
        "2019-05-25T18:43:59.Z",        // separator without digits
        "2019-05-25T18:43:59.049z",     // lower-case zone
        "2019-05-25T18:43:59.049+0200", // offset without colon
        "2019-05-25T18:43:59.049+19:00",// offset out of range
        "2019-05-25",
        "",
        "yesterday",
    })
    void rejectsAnythingElse(String text) {
        assertNull(ConnectTimestamps.parse(text));
    }
}
