package dev.agentanalytics.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentanalytics.config.JobConfig;
import dev.agentanalytics.testing.ProjectTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No credential where it could leak: in the committed files, in the configuration the job prints; and the Managed
 * Flink role grants only what the job needs, on the named streams and the output prefix.
 */
class SecurityTest {
    /** An AWS access key id, and a secret key given a value in a file (40 characters of base64). */
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i)(secret[_-]?(access[_-]?)?key|secretkey)[\"'\\s:=]+[A-Za-z0-9/+]{40}\\b");

    @Test
    void noCommittedFileHoldsACredential() throws Exception {
        Path root = ProjectTools.repositoryRoot();
        String files = ProjectTools.run(root, Duration.ofSeconds(30), "git-ls-files.log", "git", "ls-files");
        List<String> findings = new ArrayList<>();
        int scanned = 0;
        for (String name : files.split("\n")) {
            Path file = root.resolve(name.trim());
            if (name.isBlank() || !Files.isRegularFile(file) || name.endsWith(".png") || name.endsWith(".snapshot")) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            scanned++;
            if (ACCESS_KEY.matcher(text).find()) findings.add(name + ": an access key id");
            if (SECRET_KEY.matcher(text).find()) findings.add(name + ": a secret key");
        }
        assertTrue(scanned > 100, "the committed files were scanned: " + scanned);
        assertEquals(List.of(), findings);
    }

    @Test
    void thePrintedConfigurationHoldsNoCredential() {
        // Put together at run time so that this source file passes the scan above.
        String accessKey = "AKIA" + "IOSFODNN7EXAMPLE";
        String secretKey = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
        JobConfig config = JobConfig.fromMap(Map.of("source", "kinesis", "kinesis.stream", "s",
                "kinesis.access-key", accessKey, "kinesis.secret-key", secretKey));
        String printed = config.toString(); // what EmbeddedRun prints as "Running: ..."
        assertFalse(printed.contains(accessKey) || printed.contains(secretKey), printed);
        assertFalse(config.kinesis.toString().contains(secretKey), config.kinesis.toString());
    }

    @Test
    void theManagedFlinkRoleGrantsOnlyWhatTheJobNeedsOnItsOwnResources() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Files.readString(Path.of("deploy/msf/iam-policy.json")));
        Set<String> allowed = Set.of("s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
                "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:ListBucket",
                "s3:ListBucketMultipartUploads", "kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
                "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards", "kinesis:PutRecord",
                "kinesis:PutRecords", "kinesis:RegisterStreamConsumer", "kinesis:DescribeStreamConsumer",
                "kinesis:ListStreamConsumers", "kinesis:SubscribeToShard", "cloudwatch:PutMetricData",
                "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents");
        for (JsonNode statement : policy.get("Statement")) {
            assertEquals("Allow", statement.get("Effect").asText());
            List<String> actions = values(statement.get("Action"));
            for (String action : actions) assertTrue(allowed.contains(action), "not needed: " + action);
            for (String resource : values(statement.get("Resource"))) {
                if (resource.equals("*")) {
                    // CloudWatch metrics have no resource: the grant is limited to the service's namespace.
                    assertEquals(List.of("cloudwatch:PutMetricData"), actions);
                    assertEquals("AWS/KinesisAnalytics",
                            statement.get("Condition").get("StringEquals").get("cloudwatch:namespace").asText());
                } else {
                    assertTrue(resource.contains("${"), "a named resource, not a wildcard: " + resource);
                    assertFalse(resource.matches(".*:(stream|log-group)/\\*$"), resource);
                }
            }
        }
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else {
            values.add(node.asText());
        }
        return values;
    }
}
