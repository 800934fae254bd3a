package dev.agentanalytics.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid for docker compose: checked offline by Debian's docker-compose, which
 * scripts/validate-compose.sh fetches and unpacks itself (no Docker engine runs here).
 */
class ComposeFileIT {
    @Test
    void theComposeFileValidates() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "scripts/validate-compose.sh")
                .directory(Path.of(".").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.MINUTES);
        System.out.println(output);
        assertEquals(0, process.exitValue(), output);
    }
}
