package dev.agentanalytics.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentanalytics.testing.ProjectTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid for docker compose: checked offline by Debian's docker-compose, which
 * scripts/validate-compose.sh fetches and unpacks itself (no Docker engine runs here).
 */
class ComposeFileIT {
    @Test
    void theComposeFileValidates() throws IOException, InterruptedException {
        ProjectTools.Execution validation = ProjectTools.execute(ProjectTools.repositoryRoot(), Duration.ofMinutes(10),
                "validate-compose.log", "bash", "scripts/validate-compose.sh");
        System.out.println(validation.output);
        assertEquals(0, validation.exitCode, validation.output);
    }
}
