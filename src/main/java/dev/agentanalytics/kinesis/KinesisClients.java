package dev.agentanalytics.kinesis;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/** AWS SDK v2 Kinesis clients for the producer and the tests: AWS itself, or an emulator by endpoint override. */
public final class KinesisClients {
    /** An emulator accepts any credentials but the SDK insists on signing with some. */
    public static final String DUMMY_ACCESS_KEY = "local-access-key";
    public static final String DUMMY_SECRET_KEY = "local-secret-key";

    private KinesisClients() {}

    /** A client for {@code region}, through {@code endpoint} when it is not empty. */
    public static KinesisClient create(String region, String endpoint) {
        KinesisClientBuilder builder = KinesisClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentialsFor(endpoint, System.getenv()));
        if (!endpoint.isEmpty()) builder.endpointOverride(URI.create(endpoint));
        return builder.build();
    }

    /**
     * The default AWS chain (environment, profile, instance or task role), except dummy static keys for an
     * emulator: an endpoint on this machine, or any endpoint while no access key is set in the environment (a
     * compose service without AWS credentials).
     */
    static AwsCredentialsProvider credentialsFor(String endpoint, Map<String, String> environment) {
        boolean emulator = !endpoint.isEmpty()
                && (isLocal(endpoint) || isBlank(environment.get("AWS_ACCESS_KEY_ID")));
        if (emulator) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY));
        }
        return DefaultCredentialsProvider.create();
    }

    static boolean isLocal(String endpoint) {
        String host = URI.create(endpoint).getHost();
        return "127.0.0.1".equals(host) || "localhost".equalsIgnoreCase(host);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
