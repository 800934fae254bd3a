package dev.agentanalytics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report takes IANA zone names only: the page formats its times with the browser's, which knows no others. */
class ReportCliTest {
    @TempDir
    Path output;

    @Test
    void aZoneIsAnIanaName() {
        assertEquals("Europe/Berlin", ReportCli.parse(new String[] {output.toString(), "--zone", "Europe/Berlin"}).zone.getId());
        assertEquals("UTC", ReportCli.parse(new String[] {output.toString(), "--zone", "UTC"}).zone.getId());
        for (String zone : new String[] {"Z", "+02:00", "GMT+2", "Mars/Olympus"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReportCli.parse(new String[] {output.toString(), "--zone", zone}));
            assertTrue(e.getMessage().contains("--zone '" + zone + "' is not a time zone"), e.getMessage());
        }
    }
}
